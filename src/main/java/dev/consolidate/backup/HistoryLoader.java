package dev.consolidate.backup;

import dev.consolidate.db.Identifiers;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Puts the saved history rows back into the history table when the archive holds no COPY of that
 * table (a schema-only backup, or a history table outside the data scope), so that the migration
 * tool sees its history in the restored database. Rows are JSON objects keyed by column name,
 * which json_populate_recordset maps onto the table's columns.
 */
final class HistoryLoader {
    private HistoryLoader() {
    }

    /** @return rows inserted; -1 when the table's rows came with the data or the table was not restored */
    static int load(Connection c, BackupManifest.Contents contents, String rowsJson) throws SQLException {
        TableName table = contents.historyTable();
        if (table == null || contents.historyRows() == 0
                || contents.tables().stream().anyMatch(t -> t.table().equals(table))) {
            return -1;
        }
        List<String> columns = storedColumns(c, table);
        if (columns.isEmpty()) {
            return -1;
        }
        String list = columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table.sql() + " (" + list + ") OVERRIDING SYSTEM VALUE SELECT " + list
                + " FROM pg_catalog.json_populate_recordset(NULL::" + table.sql() + ", ?::json)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, rowsJson);
            return ps.executeUpdate();
        }
    }

    /** The table's stored columns; empty when the table does not exist in the target. */
    private static List<String> storedColumns(Connection c, TableName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT array_agg(a.attname::text ORDER BY a.attnum)
                FROM pg_catalog.pg_class r
                JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace
                JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid
                WHERE n.nspname = ? AND r.relname = ? AND r.relkind IN ('r', 'p')
                  AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                """)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Array a = rs.getArray(1);
                return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
            }
        }
    }
}
