package dev.consolidate.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure while writing leaves no file that claims to be a backup, and a re-run starts cleanly. */
class BackupFailureTest {
    private static EmbeddedScratchServer server;
    private static ScratchDatabase source;

    @TempDir
    Path dir;

    @BeforeAll
    static void createSource() {
        server = Fixtures.server();
        source = Fixtures.database(server, "backup_failure", "shop.sql");
    }

    @AfterAll
    static void dropSource() {
        source.close();
    }

    private BackupWriter writer(FileSink files, ProgressListener listener) {
        return new BackupWriter(source::connect, Fixtures.catalogSource(server), server, Fixtures.CLOCK,
                listener, files, System.getenv());
    }

    /** Files that stop taking bytes once {@code budget} bytes have been written to all of them together. */
    private static FileSink diskFullAfter(long budget) {
        AtomicLong left = new AtomicLong(budget);
        return path -> new FilterOutputStream(FileSink.PRIVATE.create(path)) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (left.addAndGet(-len) < 0) {
                    throw new IOException("No space left on device");
                }
                out.write(b, off, len);
            }
        };
    }

    @Test
    void aFullDiskWhileCopyingOrAssemblingLeavesNothingBehind() throws Exception {
        Path backup = dir.resolve("backup");
        // About 110 kB is spooled, then as much again assembled: fail in each half.
        long[] budgets = {20_000, 150_000};
        ProgressListener.Phase[] failingIn = {ProgressListener.Phase.EXPORT, ProgressListener.Phase.ARCHIVE};
        for (int i = 0; i < budgets.length; i++) {
            long budget = budgets[i];
            List<ProgressListener.Phase> phases = new ArrayList<>();
            Problem p = assertThrows(Problem.class, () -> writer(diskFullAfter(budget), new ProgressListener() {
                @Override
                public void phase(Phase phase) {
                    phases.add(phase);
                }
            }).write(BackupRequest.full(backup).withWorkers(2)), "budget " + budget);
            assertEquals(failingIn[i], phases.get(phases.size() - 1), phases.toString());
            assertEquals(ExitCode.STEP_FAILED, p.exitCode());
            assertTrue(p.render().contains("No space left on device"), p.render());
            assertTrue(p.state().contains("No backup was written"), p.render());
            assertEquals(List.of(), new BackupFolder(backup).names(), "budget " + budget);
        }
        BackupResult result = writer(FileSink.PRIVATE, ProgressListener.NONE).write(BackupRequest.full(backup));
        assertNotNull(result.manifest().verification());
    }

    @Test
    void aReRunRemovesWhatAKilledRunLeftAndKeepsOtherFiles() throws Exception {
        Path backup = dir.resolve("backup");
        Files.createDirectories(backup.resolve(BackupFolder.SPOOL));
        Files.writeString(backup.resolve(BackupFolder.SPOOL).resolve("000001.zst"), "half a table");
        Files.writeString(backup.resolve(BackupFolder.ARCHIVE + BackupFolder.PARTIAL), "half an archive");
        Files.writeString(backup.resolve(BackupFolder.ARCHIVE), "an archive renamed just before the kill");
        Files.writeString(backup.resolve("notes.txt"), "the user's own file");
        List<String> warnings = new ArrayList<>();
        BackupResult result = writer(FileSink.PRIVATE, new ProgressListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }).write(BackupRequest.full(backup));
        assertEquals(List.of(BackupFolder.MANIFEST, BackupFolder.ARCHIVE, "notes.txt"), new BackupFolder(backup).names());
        assertEquals(result.manifest().archive().sha256(), Sha256.ofFile(result.archiveFile()));
        assertTrue(warnings.stream().anyMatch(w -> w.contains(BackupFolder.SPOOL) && w.contains(BackupFolder.ARCHIVE)), warnings.toString());
    }
}
