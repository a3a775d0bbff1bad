package dev.consolidate.backup;

/**
 * Hears how a backup, a verification or a restore is getting on. Calls come from several worker
 * threads but never at the same time (they are serialized before they reach the listener), and
 * a listener must return quickly: the COPY streams wait while it runs.
 */
public interface ProgressListener {

    /** The stages, in the order a full backup passes them (a restore uses CHECK to POST_DATA). */
    enum Phase {
        SNAPSHOT, EXPORT, PG_DUMP, ARCHIVE, VERIFY, CHECK, PRE_DATA, DATA, SEQUENCES, HISTORY, POST_DATA, COMMIT
    }

    ProgressListener NONE = new ProgressListener() {
    };

    default void phase(Phase phase) {
    }

    /** Table {@code done} of {@code total} has been copied (out of production, or into a restore). */
    default void tableDone(int done, int total, TableName table, long rows, long bytes) {
    }

    /** Uncompressed COPY bytes moved so far in the current phase, reported every 16 MiB or so. */
    default void bytesCopied(long total) {
    }

    /** Something the user should know that does not stop the work (a pg_dump that was skipped). */
    default void warning(String message) {
    }
}
