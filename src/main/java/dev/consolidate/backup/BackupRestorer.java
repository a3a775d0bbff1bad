package dev.consolidate.backup;

import java.nio.file.Path;

/**
 * Disaster recovery: restores a backup into an empty database (refusing any other), then checks
 * every table's row count and content hash and every sequence position against the manifest. The
 * same path proves each new backup before it may count as complete.
 */
public final class BackupRestorer {
    private final ProgressListener listener;

    public BackupRestorer(ProgressListener listener) {
        this.listener = listener;
    }

    /**
     * @param backup  the backup folder, its manifest or its archive
     * @param target  sessions in the empty target database
     * @param workers parallel loading sessions
     */
    public RestoreResult restore(Path backup, Connector target, int workers) {
        BackupLocation location = BackupLocation.resolve(backup).requireArchive();
        return restore(location.manifest(), location.archiveFile(), target, workers, false);
    }

    /**
     * The same into a database that holds the schema's environment already (a new Supabase
     * project, a database prepared with the project's bootstrap): it may hold objects, but none
     * of the backup's tables.
     */
    public RestoreResult restoreOverEnvironment(Path backup, Connector target, int workers) {
        BackupLocation location = BackupLocation.resolve(backup).requireArchive();
        return restore(location.manifest(), location.archiveFile(), target, workers, true);
    }

    RestoreResult restore(BackupManifest manifest, Path archiveFile, Connector target, int workers, boolean environmentPresent) {
        return new RestoreRun(manifest, archiveFile, target, workers, SerializedListener.of(listener), environmentPresent).run();
    }
}
