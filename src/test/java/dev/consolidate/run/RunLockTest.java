package dev.consolidate.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.db.ConnectionSpec;
import dev.consolidate.db.Production;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondRunOnTheSameFolderIsRefusedNamingTheHolder() {
        RunFolder folder = new RunFolder(dir);
        try (RunLock first = RunLock.acquire(folder, null, "--execute", Clock.systemUTC())) {
            Problem p = assertThrows(Problem.class, () -> RunLock.acquire(folder, null, "--execute", Clock.systemUTC()));
            assertEquals(ExitCode.PRECONDITION, p.exitCode());
            assertTrue(p.what().contains("pid " + ProcessHandle.current().pid()), p.what());
            assertTrue(p.what().contains("--execute"));
        }
        assertFalse(Files.exists(folder.lockFile()));
        assertDoesNotThrow(() -> RunLock.acquire(folder, null, "--resume", Clock.systemUTC()).close());
    }

    @Test
    void aStaleLockOfADeadProcessIsTakenOver() throws Exception {
        RunFolder folder = new RunFolder(dir);
        Files.createDirectories(folder.state());
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(folder.lockFile(), "{\"pid\": " + dead.pid() + ", \"host\": \""
                + InetAddress.getLocalHost().getHostName() + "\", \"command\": \"--execute\"}");
        assertDoesNotThrow(() -> RunLock.acquire(folder, null, "--resume", Clock.systemUTC()).close());
    }

    @Test
    void theAdvisoryLockInProductionKeepsASecondRunOutAndNamesItsSession() throws Exception {
        EmbeddedScratchServer server = TestPostgres.server();
        try (ScratchDatabase db = server.create("prod lock")) {
            Production prod = new Production(new ConnectionSpec("127.0.0.1", server.port(), db.name(), "postgres", null,
                    Map.of(), "test"));
            try (RunLock first = RunLock.acquire(new RunFolder(dir.resolve("a")), prod, "--execute", Clock.systemUTC())) {
                Problem p = assertThrows(Problem.class,
                        () -> RunLock.acquire(new RunFolder(dir.resolve("b")), prod, "--execute", Clock.systemUTC()));
                assertEquals(ExitCode.PRECONDITION, p.exitCode());
                assertTrue(p.what().contains("session pid"), p.what());
                assertFalse(Files.exists(dir.resolve("b/state/lock")), "a refused run leaves no lock file");
            }
            assertDoesNotThrow(() -> RunLock.acquire(new RunFolder(dir.resolve("b")), prod, "--execute", Clock.systemUTC()).close());
        }
    }
}
