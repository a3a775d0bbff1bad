package dev.consolidate.backup;

import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.scratch.ScratchServer;
import java.nio.file.Path;

/** Checks an existing backup: its archive alone, or by restoring it into a scratch database. */
public final class BackupVerifier {
    private final ProgressListener listener;

    public BackupVerifier(ProgressListener listener) {
        this.listener = listener;
    }

    /** Archive against manifest, without a database: cheap, and names the tables a damage hit. */
    public IntegrityReport checkArchive(Path backup) {
        BackupLocation location = BackupLocation.resolve(backup).requireArchive();
        return ArchiveIntegrity.check(location.archiveFile(), location.manifest());
    }

    /**
     * Restores the backup into a new scratch database on {@code scratch}, compares everything with
     * the manifest, and drops the database again. A damaged archive or a difference is a Problem.
     */
    public RestoreResult verify(Path backup, ScratchServer scratch, int workers) {
        BackupLocation location = BackupLocation.resolve(backup).requireArchive();
        return verify(location.manifest(), location.archiveFile(), scratch, workers);
    }

    RestoreResult verify(BackupManifest manifest, Path archiveFile, ScratchServer scratch, int workers) {
        try (ScratchDatabase db = scratch.create("backup_verify")) {
            return new BackupRestorer(listener).restore(manifest, archiveFile, db::connect, workers);
        } catch (Problem p) {
            throw p.withState("The backup files were not changed; the scratch database used to verify them was dropped.");
        }
    }
}
