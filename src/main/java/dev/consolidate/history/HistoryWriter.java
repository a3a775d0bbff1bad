package dev.consolidate.history;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Iterator;
import java.util.List;

/**
 * Applies and undoes a {@link HistoryChange} on a connection whose transaction the caller owns
 * (begin, lock_timeout, commit or rollback are the caller's). Values travel only as bind parameters
 * (one JSON document per row, turned into the table's row type by json_populate_record); identifiers
 * only through {@link Identifiers#quote}.
 *
 * <p>Apply refuses (a Problem, exit 3) when a row to retire or update is no longer as the plan saw
 * it; the caller then rolls back. Undo is idempotent: it removes our rows if present and restores
 * saved rows if absent, and refuses (exit 6) when a restored key holds something else.
 */
public final class HistoryWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    public void apply(Connection c, HistoryChange change) throws SQLException {
        if (change.isEmpty()) {
            return; // a plain folder's change names no table that could be quoted
        }
        String t = change.table().qualified();
        String key = Identifiers.quote(change.keyColumn());
        for (String ddl : change.create()) {
            execute(c, ddl);
        }
        for (String row : change.retire()) {
            int n = update(c, "DELETE FROM " + t + " t USING json_populate_record(NULL::" + t + ", ?::json) x"
                    + " WHERE t." + key + " = x." + key + " AND to_jsonb(t) = to_jsonb(x)", row);
            if (n != 1) {
                throw stale(change, row);
            }
        }
        for (RowUpdate u : change.updates()) {
            List<String> columns = columns(u.set());
            StringBuilder set = new StringBuilder();
            for (String col : columns) {
                if (!col.equals(change.keyColumn())) {
                    set.append(set.length() == 0 ? "" : ", ").append(Identifiers.quote(col)).append(" = x.").append(Identifiers.quote(col));
                }
            }
            int n = update(c, "UPDATE " + t + " t SET " + set + " FROM json_populate_record(NULL::" + t + ", ?::json) x,"
                    + " json_populate_record(NULL::" + t + ", ?::json) b"
                    + " WHERE t." + key + " = x." + key + " AND to_jsonb(t) = to_jsonb(b)", u.set(), u.before());
            if (n != 1) {
                throw stale(change, u.before());
            }
        }
        for (String row : change.inserts()) {
            String cols = quotedList(columns(row), "");
            update(c, "INSERT INTO " + t + " (" + cols + ") SELECT " + quotedList(columns(row), "x.")
                    + " FROM json_populate_record(NULL::" + t + ", ?::json) x", row);
        }
    }

    public void undo(Connection c, HistoryChange change) throws SQLException {
        if (change.isEmpty()) {
            return;
        }
        String t = change.table().qualified();
        if (!change.create().isEmpty() && !tableExists(c, change.table())) {
            return;
        }
        String key = Identifiers.quote(change.keyColumn());
        String byKey = "DELETE FROM " + t + " t USING json_populate_record(NULL::" + t + ", ?::json) x WHERE t." + key + " = x." + key;
        for (String row : change.inserts()) {
            update(c, byKey, row);
        }
        List<String> restore = new ArrayList<>(change.retire());
        for (RowUpdate u : change.updates()) {
            update(c, byKey, u.before());
            restore.add(u.before());
        }
        for (String row : restore) {
            int n = update(c, "INSERT INTO " + t + " SELECT x.* FROM json_populate_record(NULL::" + t + ", ?::json) x"
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + t + " t WHERE t." + key + " = x." + key + ")", row);
            if (n == 0 && count(c, "SELECT count(*) FROM " + t + " t, json_populate_record(NULL::" + t + ", ?::json) x"
                    + " WHERE t." + key + " = x." + key + " AND to_jsonb(t) = to_jsonb(x)", row) != 1) {
                throw Problem.manual("Cannot restore a row of " + change.table() + ": its key is taken by a different row.")
                        .why("Something wrote to the history table after consolidate did; restoring would overwrite it.")
                        .fix("Compare the table with the saved rows in the run folder (history step) and reconcile by hand.")
                        .state("The undo transaction was not committed; the table is as it was before the undo.")
                        .build();
            }
        }
        if (!change.uncreate().isEmpty()) {
            if (count(c, "SELECT count(*) FROM " + t, null) != 0) {
                throw Problem.manual("Cannot drop " + change.table() + ": it holds rows consolidate did not write.")
                        .why("consolidate created the table; somebody has used it since, so dropping it would lose their rows.")
                        .fix("Keep the table and remove only the baseline row by hand, or move the other rows away first.")
                        .state("The undo transaction was not committed; the table is as it was before the undo.")
                        .build();
            }
            for (String ddl : change.uncreate()) {
                execute(c, ddl);
            }
        }
    }

    private static Problem stale(HistoryChange change, String row) {
        return Problem.precondition("The history table " + change.table() + " changed since the plan was made.")
                .why("A row the plan read is no longer there as it was (key " + keyOf(change, row) + "): somebody ran"
                        + " the migration tool or edited the table in between.")
                .fix("Run `consolidate --plan` again, then `consolidate --execute`.")
                .state("The history transaction was rolled back: production's history table is unchanged.")
                .build();
    }

    private static String keyOf(HistoryChange change, String row) {
        try {
            JsonNode v = JSON.readTree(row).get(change.keyColumn());
            return v == null ? "?" : v.asText();
        } catch (JsonProcessingException e) {
            return "?";
        }
    }

    private static List<String> columns(String json) {
        try {
            List<String> out = new ArrayList<>();
            Iterator<String> it = JSON.readTree(json).fieldNames();
            it.forEachRemaining(out::add);
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    private static String quotedList(List<String> cols, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String col : cols) {
            sb.append(sb.length() == 0 ? "" : ", ").append(prefix).append(Identifiers.quote(col));
        }
        return sb.toString();
    }

    /**
     * Whether the change is in the table already (a run that stopped after its commit): every row
     * it writes is there and no row it retires is.
     */
    public boolean isApplied(Connection c, HistoryChange change) throws SQLException {
        if (change.isEmpty()) {
            return false;
        }
        if (!change.create().isEmpty() && !tableExists(c, change.table())) {
            return false;
        }
        String t = change.table().qualified();
        String key = Identifiers.quote(change.keyColumn());
        for (String row : change.inserts()) {
            if (count(c, "SELECT count(*) FROM " + t + " t, json_populate_record(NULL::" + t + ", ?::json) x WHERE t." + key
                    + " = x." + key, row) == 0) {
                return false;
            }
        }
        for (String row : change.retire()) {
            if (count(c, "SELECT count(*) FROM " + t + " t, json_populate_record(NULL::" + t + ", ?::json) x WHERE t." + key
                    + " = x." + key + " AND to_jsonb(t) = to_jsonb(x)", row) > 0) {
                return false;
            }
        }
        return !change.inserts().isEmpty() || !change.retire().isEmpty();
    }

    /** Whether {@code table} (its schema resolved) exists. */
    public static boolean tableExists(Connection c, HistoryTable table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ?")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int update(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
