package dev.consolidate.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consolidate.db.Identifiers;
import dev.consolidate.problem.Problem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a history table without changing anything: it never creates the table (absent is a fact the
 * plan explains), reads every row as {@code row_to_json} text, and renders timestamps with time
 * zone in UTC so the text does not depend on the session (the session's TimeZone is restored).
 */
final class HistoryTableReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryTableReader() {
    }

    /**
     * @param orderBy columns to order rows by (the tool's own order), quoted here
     * @param parse   turns one row's JSON into the tool's view of it
     */
    static HistorySnapshot read(Connection c, HistoryTable table, List<String> orderBy, Function<Parsed, HistoryRow> parse) {
        try {
            String user = scalar(c, "SELECT current_user");
            String schema = table.schema() != null ? table.schema() : scalar(c, "SELECT current_schema()");
            if (schema == null) {
                schema = "public";
            }
            HistoryTable resolved = table.inSchema(schema);
            Long oid = tableOid(c, resolved);
            if (oid == null) {
                return HistorySnapshot.absent(resolved, user, schemaExists(c, schema));
            }
            List<HistoryColumn> columns = columns(c, oid);
            List<HistoryRow> rows = rows(c, resolved, orderBy, parse);
            return new HistorySnapshot(resolved, true, columns, rows, user, true);
        } catch (SQLException e) {
            throw Problem.precondition("Cannot read the history table " + table + ": " + e.getMessage())
                    .why("The plan compares the migration files with what the database recorded.")
                    .fix("Check that the user may read the table (GRANT SELECT), then run the command again.")
                    .state("Nothing was changed: the database was only read.")
                    .cause(e)
                    .build();
        }
    }

    /** A row as JSON, with helpers for the tool's parse function. */
    record Parsed(String json, JsonNode node) {
        String text(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        boolean isNull(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull();
        }

        boolean bool(String field) {
            JsonNode v = node.get(field);
            return v != null && v.asBoolean();
        }
    }

    private static Long tableOid(Connection c, HistoryTable t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')")) {
            ps.setString(1, t.schema());
            ps.setString(2, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<HistoryColumn> columns(Connection c, long oid) throws SQLException {
        List<HistoryColumn> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT attname, pg_catalog.format_type(atttypid, atttypmod) FROM pg_catalog.pg_attribute"
                        + " WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryColumn(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static List<HistoryRow> rows(Connection c, HistoryTable t, List<String> orderBy, Function<Parsed, HistoryRow> parse)
            throws SQLException {
        StringBuilder order = new StringBuilder();
        for (String col : orderBy) {
            order.append(order.length() == 0 ? " ORDER BY " : ", ").append("t.").append(Identifiers.quote(col));
        }
        String previousZone = scalar(c, "SELECT pg_catalog.current_setting('TimeZone')");
        setZone(c, "UTC");
        List<HistoryRow> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT row_to_json(t)::text FROM " + t.qualified() + " t" + order)) {
            while (rs.next()) {
                String json = rs.getString(1);
                out.add(parse.apply(new Parsed(json, JSON.readTree(json))));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable row JSON: " + e.getOriginalMessage(), e);
        } finally {
            setZone(c, previousZone);
        }
        return out;
    }

    private static void setZone(Connection c, String zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.set_config('TimeZone', ?, false)")) {
            ps.setString(1, zone);
            ps.execute();
        }
    }

    static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
