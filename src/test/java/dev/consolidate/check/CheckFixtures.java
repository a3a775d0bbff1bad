package dev.consolidate.check;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.consolidate.history.Migration;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.replay.ReplayListener;
import dev.consolidate.replay.Replayer;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.ProjectRoot;
import dev.consolidate.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Histories, production stand-ins and psql for the check's tests. */
final class CheckFixtures {
    static final Path PSQL = Path.of(System.getProperty("consolidate.psql", "/usr/lib/postgresql/15/bin/psql"));

    private CheckFixtures() {
    }

    static Path resource(String name) {
        return ProjectRoot.get().resolve("src/test/resources/check").resolve(name);
    }

    /** A production for tests: a scratch database into which the history was replayed, as its tool would. */
    static void replayInto(ScratchDatabase db, Path project, String tool) {
        List<Migration> history = ToolRegistry.standard().resolve(project, tool, null).discover().migrations();
        Replayer replayer = new Replayer(new SqlSplitter(), Clock.systemUTC());
        EnvironmentSpec spec = EnvironmentSpec.none();
        replayer.replay(db, spec, replayer.prepare(history, spec, db.server()), ReplayListener.NONE);
    }

    static String dbUrl(ScratchDatabase db) {
        return "postgresql://postgres@127.0.0.1:" + TestPostgres.server().port() + "/" + db.name();
    }

    /** The shared test server as --scratch: no new server is started per command. */
    static String scratch() {
        EmbeddedScratchServer s = TestPostgres.server();
        return "url:postgresql://postgres@127.0.0.1:" + s.port() + "/postgres";
    }

    record Psql(int exitCode, String out, String err) {
    }

    /** Runs the real psql on a script, or skips the test saying where psql was looked for. */
    static Psql psql(Path script, ScratchDatabase db) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(PSQL);
        if (!present) {
            System.err.println("SKIPPED: psql not found at " + PSQL + " (set -Dconsolidate.psql=<path> to run the verify script tests)");
        }
        assumeTrue(present, "psql not found at " + PSQL + "; verify script tests skipped");
        Path out = Files.createTempFile("psql", ".out");
        Path err = Files.createTempFile("psql", ".err");
        try {
            Process p = new ProcessBuilder(PSQL.toString(), "-X", "-f", script.toString(), dbUrl(db))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("psql did not finish in 120 s");
            }
            return new Psql(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
