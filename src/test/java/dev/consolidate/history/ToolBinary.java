package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A migration tool's own binary (supabase, dbmate) for tests that ask the tool itself. Found in
 * -Dconsolidate.toolBin (e.g. node_modules/.bin after `npm install supabase dbmate`), in
 * target/tools/node_modules/.bin, else on the PATH. With -Dconsolidate.installTools=true (or
 * CONSOLIDATE_INSTALL_TOOLS=true) a missing binary is first installed there from the npm registry
 * with npm. Where it is still absent the test is skipped and says so.
 */
final class ToolBinary {
    /** The npm packages that ship the binaries (both carry the executable itself, nothing is fetched at run time). */
    private static final List<String> PACKAGES = List.of("supabase@^3.1.0", "dbmate@^2.36.0");

    private final Path binary;

    private ToolBinary(Path binary) {
        this.binary = binary;
    }

    static ToolBinary require(String name) {
        Path found = find(name);
        if (found == null && installRequested()) {
            install();
            found = find(name);
        }
        if (found == null) {
            System.err.println("SKIPPED: " + name + " not found (set -Dconsolidate.toolBin=<dir> after `npm install " + name
                    + "`, or -Dconsolidate.installTools=true to install it into target/tools)");
        }
        assumeTrue(found != null, name + " not found: set -Dconsolidate.toolBin=<dir> or -Dconsolidate.installTools=true"
                + " to run the real-tool tests");
        return new ToolBinary(found);
    }

    private static Path find(String name) {
        List<Path> candidates = new ArrayList<>();
        String dir = System.getProperty("consolidate.toolBin", System.getenv("CONSOLIDATE_TOOL_BIN"));
        if (dir != null && !dir.isBlank()) {
            candidates.add(Path.of(dir, name));
        }
        candidates.add(installDir().resolve("node_modules/.bin").resolve(name));
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!p.isBlank()) {
                candidates.add(Path.of(p, name));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static boolean installRequested() {
        return Boolean.parseBoolean(System.getProperty("consolidate.installTools", System.getenv("CONSOLIDATE_INSTALL_TOOLS")));
    }

    private static Path installDir() {
        return ProjectRoot.get().resolve("target/tools");
    }

    /** Once per JVM: npm install of both packages into target/tools; a failure only leaves the tests skipped. */
    private static synchronized void install() {
        if (installTried) {
            return;
        }
        installTried = true;
        try {
            Files.createDirectories(installDir());
            List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix",
                    installDir().toString()));
            command.addAll(PACKAGES);
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(installDir().resolve("npm-install.log").toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                System.err.println("npm install of " + PACKAGES + " timed out; see " + installDir().resolve("npm-install.log"));
            } else if (p.exitValue() != 0) {
                System.err.println("npm install of " + PACKAGES + " failed; see " + installDir().resolve("npm-install.log"));
            }
        } catch (IOException e) {
            System.err.println("npm install of " + PACKAGES + " could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean installTried;

    /** A postgres:// URL for the tools (the embedded server trusts local connections: no password). */
    static String url(ScratchDatabase db) {
        String hostPortDb = db.jdbcUrl().substring("jdbc:postgresql://".length());
        int q = hostPortDb.indexOf('?');
        if (q >= 0) {
            hostPortDb = hostPortDb.substring(0, q);
        }
        return "postgres://" + db.credentials().getProperty("user") + "@" + hostPortDb + "?sslmode=disable";
    }

    record Result(int exitCode, String output) {
    }

    /** Runs the tool and insists it exits 0 (the message shows what it printed); returns its output. */
    String succeed(Path workDir, String... args) throws IOException, InterruptedException {
        Result r = run(workDir, args);
        assertEquals(0, r.exitCode(), r.output());
        return r.output();
    }

    Result run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("DO_NOT_TRACK", "1");
        pb.environment().put("SUPABASE_TELEMETRY_DISABLED", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(binary + " timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
