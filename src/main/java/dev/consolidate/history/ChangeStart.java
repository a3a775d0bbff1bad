package dev.consolidate.history;

import dev.consolidate.db.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * The opening of a history change: its create, undo and description lists, holding the table's
 * creation as the tool does it when the history table is absent. Each adapter gives its own DDL.
 */
record ChangeStart(List<String> create, List<String> uncreate, List<String> description) {

    /** Writes the statements that create the tool's table (and the undo that drops what they made). */
    @FunctionalInterface
    interface TableDdl {
        void write(HistorySnapshot history, List<String> create, List<String> uncreate);
    }

    /** Empty lists, or, when the table is absent, its creation "as {@code byWhom} does". */
    static ChangeStart of(HistorySnapshot history, String byWhom, TableDdl ddl) {
        ChangeStart start = new ChangeStart(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (!history.present()) {
            ddl.write(history, start.create, start.uncreate);
            start.description.add("Create " + history.table() + " as " + byWhom + " does (it is absent).");
        }
        return start;
    }

    /**
     * The table statement (and its DROP for the undo) in the table's schema, created first and
     * dropped last when it is missing, as the tools that create their own schema do.
     */
    static void inOwnSchema(HistorySnapshot history, String createTable, List<String> create, List<String> uncreate) {
        HistoryTable table = history.table();
        if (!history.schemaPresent()) {
            create.add("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(table.schema()));
        }
        create.add(createTable);
        uncreate.add("DROP TABLE " + table.qualified());
        if (!history.schemaPresent()) {
            uncreate.add("DROP SCHEMA " + Identifiers.quote(table.schema()));
        }
    }
}
