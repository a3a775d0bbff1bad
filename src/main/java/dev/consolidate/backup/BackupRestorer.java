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
        return restore(location.manifest(), location.archiveFile(), target, workers);
    }

    RestoreResult restore(BackupManifest manifest, Path archiveFile, Connector target, int workers) {
        return new RestoreRun(manifest, archiveFile, target, workers, SerializedListener.of(listener)).run();
    }
}
