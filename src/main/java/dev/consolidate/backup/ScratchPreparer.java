package dev.consolidate.backup;

import dev.consolidate.scratch.ScratchDatabase;

/**
 * Lays the environment the schema runs on (the Supabase platform shim, a bootstrap file) into the
 * new scratch database a backup is verified in, before the restore. A plain environment needs
 * nothing: a database created from template0 is it.
 */
@FunctionalInterface
public interface ScratchPreparer {
    ScratchPreparer NONE = db -> { };

    void prepare(ScratchDatabase db) throws Exception;
}
