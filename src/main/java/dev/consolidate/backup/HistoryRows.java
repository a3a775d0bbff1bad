package dev.consolidate.backup;

import java.util.List;

/**
 * The migration tool's history rows as the caller read them: one JSON object per row (column name
 * to value), kept verbatim. The backup does not interpret them beyond checking they are objects;
 * a restore puts them back only where the table's rows are not in the archive already.
 *
 * @param table the history table, or null when the tool keeps none (plain SQL folders)
 * @param rows  one JSON object text per row, in the caller's order
 */
public record HistoryRows(TableName table, List<String> rows) {
    public HistoryRows {
        rows = List.copyOf(rows);
    }

    public static HistoryRows none() {
        return new HistoryRows(null, List.of());
    }
}
