package dev.consolidate.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table large enough to be read back in parts over several sessions ({@link ReadBack}): the
 * backup's own verification and a restore both find it equal to the manifest.
 */
class BackupLargeTableTest {
    @TempDir
    Path dir;

    @Test
    void aLargeTableIsReadBackInPartsAndMatches() throws Exception {
        EmbeddedScratchServer server = Fixtures.server();
        try (ScratchDatabase source = server.create("backup_large_table")) {
            Fixtures.execute(source, "CREATE SCHEMA app; CREATE TABLE app.wide (id bigint PRIMARY KEY, note text, at timestamptz);"
                    + " INSERT INTO app.wide SELECT g, repeat(md5(g::text), 7), timestamptz '2025-01-01' + g * interval '1 minute'"
                    + " FROM generate_series(1, 300000) g; CREATE TABLE app.small (id int PRIMARY KEY); INSERT INTO app.small VALUES (1), (2)");
            BackupResult result = new BackupWriter(source::connect, Fixtures.catalogSource(server), server, Fixtures.CLOCK,
                    ProgressListener.NONE).write(BackupRequest.full(dir.resolve("backup")).withWorkers(2));
            BackupManifest.TableEntry wide = result.manifest().contents().tables().stream()
                    .filter(t -> t.name().equals("wide")).findFirst().orElseThrow();
            assertTrue(wide.bytes() >= ReadBack.SPLIT_BYTES, "large enough to be read back in parts: " + wide.bytes());
            assertEquals(300000, wide.rows());

            try (ScratchDatabase target = server.create("backup_large_target")) {
                RestoreResult restored = new BackupRestorer(ProgressListener.NONE).restore(dir.resolve("backup"), target::connect, 3);
                assertEquals(2, restored.tables());
                assertEquals(Fixtures.fingerprints(source, "app"), Fixtures.fingerprints(target, "app"));
            }
        }
    }
}
