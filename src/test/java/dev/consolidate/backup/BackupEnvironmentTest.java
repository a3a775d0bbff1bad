package dev.consolidate.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.ddl.BaselineOptions;
import dev.consolidate.catalog.ddl.BaselineWriter;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.catalog.scope.Scope;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema that runs on an environment (a platform schema the history did not create): the
 * backup leaves the environment out, so its verification needs the environment laid into the
 * scratch database first, and a restore goes into a target that holds it already.
 */
class BackupEnvironmentTest {
    private static final String ENVIRONMENT = "CREATE SCHEMA platform; CREATE TYPE platform.level AS ENUM ('low', 'high');";

    @TempDir
    Path dir;

    @Test
    void theVerificationAndTheRestoreRunOnTheEnvironment() throws Exception {
        EmbeddedScratchServer server = Fixtures.server();
        try (ScratchDatabase source = server.create("backup_env_source");
             ScratchDatabase environmentOnly = server.create("backup_env_only");
             ScratchDatabase target = server.create("backup_env_target")) {
            Fixtures.execute(source, ENVIRONMENT + "CREATE SCHEMA app; CREATE TABLE app.items (id integer PRIMARY KEY, "
                    + "level platform.level NOT NULL); INSERT INTO app.items SELECT i, 'high' FROM generate_series(1, 30) AS g(i);");
            Fixtures.execute(environmentOnly, ENVIRONMENT);
            CatalogReader reader = new CatalogReader();
            Scope scope;
            try (Connection c = environmentOnly.connect()) {
                scope = Scope.plain(reader.read(c));
            }
            BackupWriter writer = new BackupWriter(source::connect,
                    new CatalogSchemaSource(reader, scope, new BaselineWriter(Fixtures.CLOCK), BaselineOptions.of("production")),
                    server, Fixtures.CLOCK, ProgressListener.NONE);

            Problem bare = assertThrows(Problem.class, () -> writer.write(BackupRequest.full(dir.resolve("bare"))));
            assertEquals(ExitCode.STEP_FAILED, bare.exitCode());
            assertTrue(bare.what().contains("verification"), bare.render());
            assertTrue(Files.notExists(dir.resolve("bare").resolve(BackupFolder.MANIFEST)));

            BackupResult result = writer.withScratchPreparer(db -> Fixtures.execute(db, ENVIRONMENT))
                    .write(BackupRequest.full(dir.resolve("backup")));
            assertEquals(30, result.manifest().verification().rows());

            Fixtures.execute(target, ENVIRONMENT);
            BackupRestorer restorer = new BackupRestorer(ProgressListener.NONE);
            Problem notEmpty = assertThrows(Problem.class, () -> restorer.restore(dir.resolve("backup"), target::connect, 1));
            assertTrue(notEmpty.what().contains("not empty"), notEmpty.render());
            restorer.restoreOverEnvironment(dir.resolve("backup"), target::connect, 1);
            assertEquals(Fixtures.fingerprints(source, "app"), Fixtures.fingerprints(target, "app"));
            Problem twice = assertThrows(Problem.class, () -> restorer.restoreOverEnvironment(dir.resolve("backup"), target::connect, 1));
            assertTrue(twice.what().contains("app.items"), twice.render());
        }
    }
}
