package dev.consolidate.backup;

import dev.consolidate.db.ConnectionSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to back up and where.
 *
 * @param directory        the backup folder in the run folder; created (0700) when absent
 * @param mode             full, schema only, or none
 * @param reference        required for {@link BackupMode#NONE}: the user's own backup (a file name,
 *                         a provider's snapshot id); recorded in the manifest for the runbooks
 * @param history          the migration history rows to keep beside the schema
 * @param workers          parallel COPY sessions sharing the snapshot (and restore sessions when verifying)
 * @param compressionLevel zstd level of the table entries
 * @param pgDump           when not null, also write a {@code pg_dump -Fc} file of the same snapshot
 *                         if a pg_dump of the server's major is on PATH (the password reaches it
 *                         through its environment, never its arguments)
 */
public record BackupRequest(Path directory, BackupMode mode, String reference, HistoryRows history,
                            int workers, int compressionLevel, ConnectionSpec pgDump) {

    /** zstd level 1: see bench/backup/README.md for the measurements behind it. */
    public static final int DEFAULT_COMPRESSION_LEVEL = 1;

    public BackupRequest {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(history, "history");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
    }

    public static BackupRequest full(Path directory) {
        return new BackupRequest(directory, BackupMode.FULL, null, HistoryRows.none(), defaultWorkers(),
                DEFAULT_COMPRESSION_LEVEL, null);
    }

    public static BackupRequest schemaOnly(Path directory) {
        return full(directory).withMode(BackupMode.SCHEMA_ONLY);
    }

    /** No backup by the tool: {@code reference} names the one the user took. */
    public static BackupRequest none(Path directory, String reference) {
        return full(directory).withMode(BackupMode.NONE).withReference(reference);
    }

    /** One worker per core: COPY is CPU-bound on both sides of the wire. */
    public static int defaultWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    public BackupRequest withMode(BackupMode m) {
        return new BackupRequest(directory, m, reference, history, workers, compressionLevel, pgDump);
    }

    public BackupRequest withReference(String r) {
        return new BackupRequest(directory, mode, r, history, workers, compressionLevel, pgDump);
    }

    public BackupRequest withHistory(HistoryRows h) {
        return new BackupRequest(directory, mode, reference, h, workers, compressionLevel, pgDump);
    }

    public BackupRequest withWorkers(int w) {
        return new BackupRequest(directory, mode, reference, history, w, compressionLevel, pgDump);
    }

    public BackupRequest withCompressionLevel(int level) {
        return new BackupRequest(directory, mode, reference, history, workers, level, pgDump);
    }

    public BackupRequest withPgDump(ConnectionSpec production) {
        return new BackupRequest(directory, mode, reference, history, workers, compressionLevel, production);
    }
}
