package dev.consolidate.history;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.consolidate.scratch.ScratchDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A migration tool's own binary (supabase, dbmate) for tests that ask the tool itself. Found in
 * -Dconsolidate.toolBin (e.g. node_modules/.bin after `npm install supabase dbmate`), else on the
 * PATH; where it is absent the test is skipped and says so.
 */
final class ToolBinary {
    private final Path binary;

    private ToolBinary(Path binary) {
        this.binary = binary;
    }

    static ToolBinary require(String name) {
        List<Path> candidates = new ArrayList<>();
        String dir = System.getProperty("consolidate.toolBin", System.getenv("CONSOLIDATE_TOOL_BIN"));
        if (dir != null && !dir.isBlank()) {
            candidates.add(Path.of(dir, name));
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!p.isBlank()) {
                candidates.add(Path.of(p, name));
            }
        }
        Path found = candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (found == null) {
            System.err.println("SKIPPED: " + name + " not found (set -Dconsolidate.toolBin=<dir> after `npm install " + name + "`)");
        }
        assumeTrue(found != null, name + " not found: set -Dconsolidate.toolBin=<dir> to run the real-tool tests");
        return new ToolBinary(found);
    }

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
