package dev.consolidate.catalog;

import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An oracle that shares no code with the catalog engine: pg_dump --schema-only of the source and
 * of the rebuilt database, normalized by {@link DumpNormalization}. Used only where a pg_dump
 * client of the server's major is installed (the product never depends on it).
 */
final class PgDumpOracle {
    private final Path bin;
    private final EmbeddedScratchServer server;

    private PgDumpOracle(Path bin, EmbeddedScratchServer server) {
        this.bin = bin;
        this.server = server;
    }

    /** The oracle, or empty with the reason printed, when no matching pg_dump is installed. */
    static Optional<PgDumpOracle> forServer(EmbeddedScratchServer server) {
        Path bin = Path.of("/usr/lib/postgresql/" + server.major() + "/bin");
        if (!Files.isExecutable(bin.resolve("pg_dump")) || !Files.isExecutable(bin.resolve("psql"))) {
            System.err.println("SKIPPED: pg_dump oracle: no pg_dump/psql " + server.major() + " client under " + bin);
            return Optional.empty();
        }
        return Optional.of(new PgDumpOracle(bin, server));
    }

    String dump(ScratchDatabase db) throws IOException, InterruptedException {
        return DumpNormalization.apply(run(List.of(bin.resolve("pg_dump").toString(), "--schema-only", "--no-password",
                "-h", "localhost", "-p", String.valueOf(server.port()), "-U", "postgres", db.name()), null));
    }

    /** The source's dump after one trip through pg_dump and a restore into a fresh scratch database. */
    String dumpRoundTripped(ScratchDatabase source) throws IOException, InterruptedException {
        String first = run(List.of(bin.resolve("pg_dump").toString(), "--schema-only", "--no-password",
                "-h", "localhost", "-p", String.valueOf(server.port()), "-U", "postgres", source.name()), null);
        try (ScratchDatabase copy = server.create("dump round trip")) {
            run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--no-password",
                    "-h", "localhost", "-p", String.valueOf(server.port()), "-U", "postgres", "-d", copy.name()), first);
            return dump(copy);
        }
    }

    private static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().remove("PGPASSWORD");
        Process p = pb.start();
        if (stdin != null) {
            try (var out = p.getOutputStream()) {
                out.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            p.getOutputStream().close();
        }
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(cmd.get(0) + " failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
