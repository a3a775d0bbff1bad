package dev.consolidate.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * The history step's change to production, as data: what {@link HistoryWriter} applies in the
 * caller's transaction and undoes from this record alone (it can be saved with the run and read
 * back). Rows are JSON so that every column, known or not, goes in and comes back exactly.
 *
 * @param tool        whose table
 * @param table       the table, schema resolved
 * @param keyColumn   the column identifying a row
 * @param create      DDL run first, creating the table exactly as the tool would when it is absent;
 *                    empty when the table exists
 * @param uncreate    DDL undoing {@code create}, run in order after the rows are gone
 * @param retire      rows deleted, as stored (row JSON); undo restores them
 * @param updates     rows changed in place; undo restores them
 * @param inserts     rows written, as JSON objects holding only the columns the tool writes (the
 *                    others take their defaults, as when the tool writes them)
 * @param description what the change does, one sentence per line, for the plan and the runbook
 */
public record HistoryChange(Tool tool, HistoryTable table, String keyColumn, List<String> create, List<String> uncreate,
                            List<String> retire, List<RowUpdate> updates, List<String> inserts, List<String> description) {
    public HistoryChange {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(keyColumn, "keyColumn");
        create = List.copyOf(create);
        uncreate = List.copyOf(uncreate);
        retire = List.copyOf(retire);
        updates = List.copyOf(updates);
        inserts = List.copyOf(inserts);
        description = List.copyOf(description);
    }

    /** A change that writes nothing (the table already holds what the tool needs). */
    public static HistoryChange none(Tool tool, HistoryTable table, String keyColumn, String why) {
        return new HistoryChange(tool, table, keyColumn, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(why));
    }

    @JsonIgnore
    public boolean isEmpty() {
        return create.isEmpty() && retire.isEmpty() && updates.isEmpty() && inserts.isEmpty();
    }
}
