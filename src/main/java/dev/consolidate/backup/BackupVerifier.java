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
        return verify(backup, scratch, workers, ScratchPreparer.NONE);
    }

    /** The same on a scratch database that {@code preparer} gives the schema's environment first. */
    public RestoreResult verify(Path backup, ScratchServer scratch, int workers, ScratchPreparer preparer) {
        BackupLocation location = BackupLocation.resolve(backup).requireArchive();
        return verify(location.manifest(), location.archiveFile(), scratch, workers, preparer);
    }

    RestoreResult verify(BackupManifest manifest, Path archiveFile, ScratchServer scratch, int workers, ScratchPreparer preparer) {
        try (ScratchDatabase db = scratch.create("backup_verify")) {
            boolean prepared = preparer != ScratchPreparer.NONE;
            if (prepared) {
                try {
                    preparer.prepare(db);
                } catch (Problem p) {
                    throw p;
                } catch (Exception e) {
                    throw Problem.stepFailed("Preparing the scratch database for the backup's verification failed: "
                                    + e.getMessage())
                            .why("The schema's environment (platform schemas, bootstrap) could not be laid into it.")
                            .fix("Check the environment settings (profile, bootstrap file), then run the step again.")
                            .cause(e)
                            .build();
                }
            }
            return new BackupRestorer(listener).restore(manifest, archiveFile, db::connect, workers, prepared);
        } catch (Problem p) {
            throw p.withState("The backup files were not changed; the scratch database used to verify them was dropped.");
        }
    }
}
