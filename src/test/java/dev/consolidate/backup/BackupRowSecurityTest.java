package dev.consolidate.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table whose owner is subject to its own policies (FORCE ROW LEVEL SECURITY): reading it
 * through the policies would back up only the owner's rows. The owner without BYPASSRLS gets a
 * Problem, never a short backup; a role with BYPASSRLS backs up every row.
 */
class BackupRowSecurityTest {
    private static EmbeddedScratchServer server;
    private static ScratchDatabase source;

    @TempDir
    Path dir;

    @BeforeAll
    static void createSource() {
        server = Fixtures.server();
        source = Fixtures.database(server, "backup_rls", "rls.sql");
    }

    @AfterAll
    static void dropSource() {
        source.close();
    }

    @Test
    void theOwnerSubjectToForcedPoliciesIsRefusedNotShortChanged() {
        Problem p = assertThrows(Problem.class, () -> new BackupWriter(() -> Fixtures.connectAs(source, Fixtures.OWNER),
                Fixtures.readBySuperuser(server, source), server, Fixtures.CLOCK, ProgressListener.NONE)
                .write(BackupRequest.full(dir.resolve("backup"))));
        assertEquals(ExitCode.PRECONDITION, p.exitCode());
        assertTrue(p.what().contains("rls.notes"), p.render());
        assertTrue(p.why().contains("forced"), p.render());
        assertTrue(p.fix().contains("BYPASSRLS"), p.render());
        assertTrue(Files.notExists(dir.resolve("backup").resolve(BackupFolder.MANIFEST)));
    }

    @Test
    void aRoleWithBypassRlsBacksUpEveryRow() throws Exception {
        BackupResult result = new BackupWriter(() -> Fixtures.connectAs(source, Fixtures.BYPASS),
                Fixtures.readBySuperuser(server, source), server, Fixtures.CLOCK, ProgressListener.NONE)
                .write(BackupRequest.full(dir.resolve("backup")));
        assertEquals(40, result.manifest().contents().tables().get(0).rows());
        try (ScratchDatabase target = server.create("backup_rls_restored")) {
            new BackupRestorer(ProgressListener.NONE).restore(dir.resolve("backup"), target::connect, 1);
            assertEquals(Fixtures.fingerprints(source, "rls"), Fixtures.fingerprints(target, "rls"));
        }
    }
}
