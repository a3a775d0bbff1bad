package dev.consolidate.settings;

import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A job file: the command line's settings written down, one "key = value" per line, keys being
 * the long option names without "--", lines starting with '#' being comments. Paths are relative
 * to the job file's folder. Options given on the command line win over the file.
 *
 * <p>Keys only a job file has: {@code production = embedded} (a production stand-in started by
 * the tool, seeded from the history: for demos and tests), {@code production-seed = <file.sql>}
 * (SQL applied to that stand-in after its history, e.g. drift and rows), {@code copy-from =
 * <folder>} (a project copied into {@code dir} when {@code dir} does not exist yet, so a demo
 * never changes the repository), and {@code set.<name> = <value>} (a session setting for replay).
 */
public final class JobFile {
    static final Set<String> PATH_KEYS = Set.of("dir", "migrations", "run-dir", "bootstrap", "against",
            "emit-verify-sql", "production-seed", "copy-from");
    static final Set<String> KEYS = Set.of("dir", "tool", "migrations", "db-url", "run-dir", "scratch", "profile",
            "bootstrap", "json", "verbose", "no-color", "yes", "source", "backup", "backup-ref", "pg-dump", "no-owner",
            "target-tool", "against", "against-tool", "emit-verify-sql", "baseline-name", "production",
            "production-seed", "copy-from", "description", "no-replay", "data-as-migration");

    private final Path file;
    private final Map<String, String> values;

    private JobFile(Path file, Map<String, String> values) {
        this.file = file;
        this.values = Collections.unmodifiableMap(values);
    }

    public static JobFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Problem.usage("Cannot read the job file " + file + ": " + e.getMessage() + ".")
                    .why("--job names a file the tool could not open as UTF-8 text.")
                    .fix("Check the path (jobs are kept in jobs/), its permissions and encoding.")
                    .state("Nothing was changed.")
                    .build();
        }
        Map<String, String> values = new LinkedHashMap<>();
        Path base = file.toAbsolutePath().getParent();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw bad(file, i + 1, "expected \"key = value\"");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!KEYS.contains(key) && !key.startsWith("set.")) {
                throw bad(file, i + 1, "unknown key \"" + key + "\" (known: " + new TreeSet<>(KEYS) + ", set.<name>)");
            }
            if (values.containsKey(key)) {
                throw bad(file, i + 1, "\"" + key + "\" is given twice");
            }
            if (PATH_KEYS.contains(key) && !value.isEmpty()) {
                value = base.resolve(value).normalize().toString();
            }
            values.put(key, value);
        }
        return new JobFile(file, values);
    }

    private static Problem bad(Path file, int line, String detail) {
        return Problem.usage("Job file " + file + " line " + line + ": " + detail + ".")
                .why("A job file holds the command line's long options as \"key = value\" lines.")
                .fix("Correct the line; README's \"Job files\" section lists every key.")
                .state("Nothing was changed.")
                .build();
    }

    public Path file() {
        return file;
    }

    public String get(String key) {
        return values.get(key);
    }

    public boolean flag(String key) {
        String v = values.get(key);
        return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1"));
    }

    /** The {@code set.<name>} entries, in file order. */
    public Map<String, String> sessionSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("set.")) {
                out.put(k.substring(4), v);
            }
        });
        return out;
    }
}
