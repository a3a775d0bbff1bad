package dev.consolidate.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification for tools that match files to rows by version alone and keep no checksum
 * (Supabase, dbmate): a row makes a file applied, a file without a row is pending, a row without a
 * file is missing locally.
 */
final class VersionMatching {
    private VersionMatching() {
    }

    static Classification classify(Tool tool, MigrationSet local, HistorySnapshot history, String pendingDetail,
                                   String missingDetail) {
        Map<String, HistoryRow> rows = new LinkedHashMap<>();
        history.rows().forEach(r -> rows.put(r.version(), r));
        List<MigrationStatus> entries = new ArrayList<>();
        for (Migration m : local.migrations()) {
            HistoryRow r = rows.remove(m.version());
            entries.add(r != null
                    ? new MigrationStatus(MigrationState.APPLIED, m, r, "recorded as applied")
                    : new MigrationStatus(MigrationState.PENDING, m, null, "no row for version " + m.version() + ": " + pendingDetail));
        }
        for (HistoryRow r : rows.values()) {
            entries.add(new MigrationStatus(MigrationState.MISSING_LOCALLY, null, r,
                    "applied in the database, no file for version " + r.version() + ": " + missingDetail));
        }
        List<String> notes = new ArrayList<>();
        if (!history.present()) {
            notes.add("The history table " + history.table() + " does not exist: the database records no migration as applied.");
        }
        return new Classification(tool, history.present(), entries, notes);
    }

    /** The newest local version the table records, else the newest local version. */
    static String newestApplied(MigrationSet local, HistorySnapshot history) {
        String newest = null;
        if (history != null) {
            java.util.Set<String> applied = new java.util.HashSet<>();
            history.rows().stream().filter(r -> r.success() && r.kind() == RowKind.MIGRATION).forEach(r -> applied.add(r.version()));
            for (Migration m : local.migrations()) {
                if (applied.contains(m.version())) {
                    newest = m.version();
                }
            }
        }
        if (newest == null) {
            newest = local.migrations().get(local.migrations().size() - 1).version();
        }
        return newest;
    }
}
