package dev.consolidate.catalog.model;

/**
 * Where a snapshot was read: the server version (e.g. 150014 and "15.14") and the role that read
 * it, which is the role that ran the migrations in a replay (objects it owns need no ALTER OWNER).
 */
public record SnapshotInfo(int serverVersionNum, String serverVersion, String runner) {

    public int major() {
        return serverVersionNum / 10000;
    }
}
