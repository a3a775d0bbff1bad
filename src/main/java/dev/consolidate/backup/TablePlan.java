package dev.consolidate.backup;

import dev.consolidate.db.Identifiers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One table whose rows the backup copies: a plain table or a leaf partition (a partitioned
 * table has no rows of its own; its leaves are copied and loaded one by one, which is also how a
 * restore loads them, so no row is routed anywhere it was not).
 *
 * @param table          the table
 * @param columns        the stored columns in column order: generated columns are left out
 *                       (the restore computes them), identity columns are kept
 * @param sizeBytes      the heap's size, to start the largest tables first
 * @param rowSecurity    row-level security is enabled
 * @param forcedSecurity row-level security applies to the table's owner too
 */
record TablePlan(TableName table, List<String> columns, long sizeBytes, boolean rowSecurity, boolean forcedSecurity) {
    TablePlan {
        columns = List.copyOf(columns);
    }

    /** {@code "s"."t" ("a", "b")}, or just the table when it has no stored column. */
    String copyTarget() {
        return columns.isEmpty() ? table.sql() : table.sql() + " (" + columnList() + ")";
    }

    /** The stored columns, quoted: {@code "a", "b"}. */
    String columnList() {
        return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }
}
