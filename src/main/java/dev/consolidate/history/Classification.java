package dev.consolidate.history;

import java.util.List;

/**
 * Every migration's standing: local files in the tool's order first, then rows without files in
 * table order.
 *
 * @param tool           whose rules decided
 * @param historyPresent whether the history table exists
 * @param entries        one per file and per unmatched row
 * @param notes          what the tool ignores and the plan should still say (rolled-back rows, rows
 *                       below a baseline marker, ...), sorted
 */
public record Classification(Tool tool, boolean historyPresent, List<MigrationStatus> entries, List<String> notes) {
    public Classification {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    public List<MigrationStatus> in(MigrationState state) {
        return entries.stream().filter(e -> e.state() == state).toList();
    }

    public long count(MigrationState state) {
        return entries.stream().filter(e -> e.state() == state).count();
    }

    /** True when every file is applied and every row has its file. */
    public boolean allApplied() {
        return entries.stream().allMatch(e -> e.state() == MigrationState.APPLIED);
    }
}
