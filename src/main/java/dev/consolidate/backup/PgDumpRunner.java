package dev.consolidate.backup;

import dev.consolidate.db.ConnectionSpec;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the optional {@code pg_dump -Fc} file of the backup's snapshot. Only a pg_dump of the
 * server's own major is used (an older one refuses a newer server, a newer one writes archives
 * that older pg_restore cannot read), and its absence never fails the backup. The password
 * reaches pg_dump through PGPASSWORD in its environment, never through its arguments, which
 * other users of the machine can list.
 */
final class PgDumpRunner {
    private static final Pattern VERSION = Pattern.compile("pg_dump \\(PostgreSQL\\) (\\d+)(\\.\\d+)?");
    private static final int STDERR_KEPT = 4096;

    /** The binary found, and what it said its version was. */
    record Binary(Path path, String version, int major) {
    }

    private final Map<String, String> environment;

    PgDumpRunner(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The first pg_dump on PATH of the given major; empty with the reason in {@code whyNot}. */
    Optional<Binary> locate(int major, List<String> whyNot) {
        String path = environment.getOrDefault("PATH", "");
        List<String> seen = new ArrayList<>();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "pg_dump");
            if (!Files.isExecutable(candidate)) {
                continue;
            }
            Optional<Binary> b = probe(candidate);
            if (b.isPresent() && b.get().major() == major) {
                return b;
            }
            seen.add(candidate + (b.isPresent() ? " (" + b.get().version() + ")" : " (no version)"));
        }
        whyNot.add(seen.isEmpty() ? "no pg_dump on PATH"
                : "no pg_dump of major " + major + " on PATH; found " + String.join(", ", seen));
        return Optional.empty();
    }

    private Optional<Binary> probe(Path candidate) {
        try {
            Process p = new ProcessBuilder(candidate.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            Matcher m = VERSION.matcher(out);
            return m.find() ? Optional.of(new Binary(candidate, out, Integer.parseInt(m.group(1)))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Dumps the snapshot into {@code file} (created 0600 beforehand: pg_dump keeps the mode of a
     * file it overwrites). Returns null on success, else the reason, with pg_dump's last words.
     */
    String dump(Binary binary, ConnectionSpec production, String snapshotId, Path file, FileSink files) throws IOException {
        files.create(file).close();
        ProcessBuilder pb = new ProcessBuilder(binary.path().toString(), "--format=custom", "--snapshot=" + snapshotId,
                "--no-password", "--file=" + file);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PG"));
        env.putAll(libpqEnvironment(production));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String stderr = tail(p.getErrorStream());
        try {
            int code = p.waitFor();
            return code == 0 ? null : "pg_dump exited with " + code + (stderr.isBlank() ? "" : ": " + stderr.trim());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** libpq's variables for the connection; the password only there. */
    static Map<String, String> libpqEnvironment(ConnectionSpec spec) {
        Map<String, String> env = new java.util.TreeMap<>();
        env.put("PGHOST", spec.host());
        env.put("PGPORT", Integer.toString(spec.port()));
        env.put("PGDATABASE", spec.database());
        env.put("PGUSER", spec.user());
        if (spec.password() != null) {
            env.put("PGPASSWORD", spec.password());
        }
        for (Map.Entry<String, String> e : spec.params().entrySet()) {
            String var = switch (e.getKey().toLowerCase(Locale.ROOT)) {
                case "sslmode" -> "PGSSLMODE";
                case "sslrootcert" -> "PGSSLROOTCERT";
                case "sslcert" -> "PGSSLCERT";
                case "sslkey" -> "PGSSLKEY";
                case "options" -> "PGOPTIONS";
                case "application_name" -> "PGAPPNAME";
                case "connect_timeout" -> "PGCONNECT_TIMEOUT";
                case "target_session_attrs" -> "PGTARGETSESSIONATTRS";
                default -> null;
            };
            if (var != null) {
                env.put(var, e.getValue());
            }
        }
        return env;
    }

    private static String tail(InputStream in) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            kept.write(buf, 0, n);
            if (kept.size() > 4 * STDERR_KEPT) {
                byte[] all = kept.toByteArray();
                kept.reset();
                kept.write(all, all.length - STDERR_KEPT, STDERR_KEPT);
            }
        }
        byte[] all = kept.toByteArray();
        int from = Math.max(0, all.length - STDERR_KEPT);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
}
