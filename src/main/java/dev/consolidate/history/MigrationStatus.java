package dev.consolidate.history;

import java.util.Objects;

/**
 * One migration's standing.
 *
 * @param state     where it stands
 * @param migration the local file, null when only a row exists
 * @param row       the deciding history row, null when only a file exists (or the tool keeps no rows)
 * @param detail    a sentence for the plan saying why, in the tool's terms
 */
public record MigrationStatus(MigrationState state, Migration migration, HistoryRow row, String detail) {
    public MigrationStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        if (migration == null && row == null) {
            throw new IllegalArgumentException("a status needs a file or a row");
        }
    }

    /** The file path, else the row label. */
    public String label() {
        return migration != null ? migration.path() : row.label();
    }
}
