package dev.consolidate.history;

import java.util.List;

/**
 * A tool's history table as read at one moment.
 *
 * @param table   the table, its schema resolved
 * @param present whether it exists (absent: the tool has never run against this database)
 * @param columns its columns in order (hosted Supabase projects carry more than the CLI writes)
 * @param rows    every row, in the tool's order (Flyway installed_rank, Prisma started_at, others by key)
 * @param readAs  the database user that read it (Flyway records it as installed_by)
 * @param schemaPresent whether the table's schema exists (a tool creating its table may create the schema too)
 */
public record HistorySnapshot(HistoryTable table, boolean present, List<HistoryColumn> columns, List<HistoryRow> rows,
                             String readAs, boolean schemaPresent) {
    public HistorySnapshot {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public static HistorySnapshot absent(HistoryTable table, String readAs, boolean schemaPresent) {
        return new HistorySnapshot(table, false, List.of(), List.of(), readAs, schemaPresent);
    }

    public boolean hasColumn(String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }
}
