package dev.consolidate.backup;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and sets sequence positions, a few hundred sequences per round trip. The values are read
 * from the sequences themselves (pg_sequences hides last_value until the first nextval, which
 * would lose an ALTER SEQUENCE ... RESTART).
 */
final class SequenceValues {
    private static final int CHUNK = 500;

    private SequenceValues() {
    }

    static List<SequenceValue> read(Connection c, List<TableName> sequences) throws SQLException {
        List<TableName> sorted = sequences.stream().distinct().sorted().toList();
        List<SequenceValue> out = new ArrayList<>(sorted.size());
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<TableName> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
            // Identifiers only, through the quoting function; the statement has no values in it.
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                if (i > 0) {
                    sql.append(" UNION ALL ");
                }
                sql.append("SELECT ").append(i).append(", last_value, is_called FROM ").append(chunk.get(i).sql());
            }
            sql.append(" ORDER BY 1");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    out.add(new SequenceValue(chunk.get(rs.getInt(1)), rs.getLong(2), rs.getBoolean(3)));
                }
            }
        }
        return out;
    }

    /** Sets every position in one statement. */
    static void write(Connection c, List<SequenceValue> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        String[] names = values.stream().map(v -> v.sequence().sql()).toArray(String[]::new);
        Long[] last = values.stream().map(SequenceValue::lastValue).toArray(Long[]::new);
        Boolean[] called = values.stream().map(SequenceValue::isCalled).toArray(Boolean[]::new);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(pg_catalog.setval(t.name::regclass, t.last_value, t.is_called)) "
                        + "FROM unnest(?::text[], ?::bigint[], ?::boolean[]) AS t(name, last_value, is_called)")) {
            Array a1 = c.createArrayOf("text", names);
            Array a2 = c.createArrayOf("bigint", last);
            Array a3 = c.createArrayOf("boolean", called);
            ps.setArray(1, a1);
            ps.setArray(2, a2);
            ps.setArray(3, a3);
            ps.execute();
        }
    }
}
