package dev.consolidate.carry;

import dev.consolidate.db.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table's rows as the data proof compares them, in a session set up like the
 * migrations' (so an unqualified name resolves as it did for them): one set-based query for the
 * columns, one for the rows, each row reduced to a SHA-256 of its compared values.
 */
final class RowReader {
    private static final String RELATION = "SELECT c.oid, format('%I.%I', n.nspname, c.relname) FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)";
    /** A column is "filled" when the server gives it a value the statement did not: a default calling a function, an identity. */
    private static final String COLUMNS = "SELECT a.attname, a.attidentity <> '' OR (d.adbin IS NOT NULL"
            + " AND pg_get_expr(d.adbin, d.adrelid) ~ '\\(') FROM pg_attribute a LEFT JOIN pg_attrdef d"
            + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    private RowReader() {
    }

    /** The relation {@code table} names in this session ("schema.name"), with its oid; null when there is none. */
    private record Relation(long oid, String name) {
    }

    private static Relation relation(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RELATION)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Relation(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    /** Reads the history's side: decides the compared columns from this database's table and the INSERTs' column lists. */
    static CarriedTable readDeciding(Connection c, String table, boolean complete, List<CarriedInsert> inserts) throws SQLException {
        Relation r = relation(c, table);
        if (r == null) {
            return new CarriedTable(table, null, complete, List.of(), List.of());
        }
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setLong(1, r.oid());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    if (!rs.getBoolean(2) || inserts.stream().allMatch(i -> i.names(column))) {
                        columns.add(column);
                    }
                }
            }
        }
        return new CarriedTable(table, r.name(), complete, columns, hashes(c, r.name(), columns));
    }

    /** Reads the rebuilt side with the columns the history's side decided. */
    static CarriedTable readLike(Connection c, CarriedTable like) throws SQLException {
        Relation r = relation(c, like.table());
        if (r == null) {
            return new CarriedTable(like.table(), null, like.complete(), like.columns(), List.of());
        }
        return new CarriedTable(like.table(), r.name(), like.complete(), like.columns(), hashes(c, r.name(), like.columns()));
    }

    private static List<String> hashes(Connection c, String relation, List<String> columns) throws SQLException {
        StringBuilder values = new StringBuilder();
        for (String col : columns) {
            values.append(values.length() == 0 ? "" : ", ").append("t.").append(Identifiers.quote(col));
        }
        String row = columns.isEmpty() ? "'[]'" : "row_to_json(ROW(" + values + "))::text";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT encode(sha256(convert_to(" + row + ", 'UTF8')), 'hex') FROM "
                + relation + " t")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        out.sort(null);
        return out;
    }
}
