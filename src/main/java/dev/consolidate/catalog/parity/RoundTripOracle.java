package dev.consolidate.catalog.parity;

import dev.consolidate.catalog.diff.ExpressionOracle;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.db.Identifiers;
import dev.consolidate.scratch.ScratchServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Settles deparse differences by asking the server: the expected text is created again in a
 * scratch database holding the actual side (a CHECK added NOT VALID, a default set, a policy or
 * view replaced, an index or trigger created under a temporary name) and read back; the two are
 * the same expression when that read-back equals the actual text, or both sides read back
 * alike. Every probe runs in a transaction that is rolled back, and only in a database whose name
 * carries the scratch prefix.
 */
public final class RoundTripOracle implements ExpressionOracle, AutoCloseable {
    private static final String PROBE = "consolidate_probe";

    private final Connection connection;
    private final Map<String, String> cache = new HashMap<>();

    /** {@code connection} must be to a scratch database (checked); it is used in one rolled-back transaction. */
    public RoundTripOracle(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            if (!rs.getString(1).startsWith(ScratchServer.DATABASE_PREFIX)) {
                throw new IllegalArgumentException("expressions are only round-tripped in scratch databases, not in " + rs.getString(1));
            }
        }
        this.connection = connection;
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_catalog.set_config('search_path', '', true)");
            s.execute("SET LOCAL lock_timeout = '5s'");
        }
    }

    @Override
    public boolean sameExpression(CatalogObject expected, CatalogObject actual, String path, String expectedText, String actualText) {
        String again = roundTrip(expected.key(), path, expectedText);
        if (again == null) {
            return false;
        }
        if (again.equals(actualText)) {
            return true;
        }
        String actualAgain = roundTrip(actual.key(), path, actualText);
        return actualAgain != null && actualAgain.equals(again);
    }

    /** What the server prints after it was given {@code text} for that field, or null if no probe applies. */
    String roundTrip(ObjectKey key, String path, String text) {
        String cacheKey = key.toString() + '\0' + path + '\0' + text;
        if (cache.containsKey(cacheKey)) {
            return cache.get(cacheKey);
        }
        String result;
        try {
            Savepoint sp = connection.setSavepoint();
            try {
                result = probe(key, path, text);
            } catch (SQLException e) {
                result = null;
            } finally {
                connection.rollback(sp);
            }
        } catch (SQLException e) {
            result = null;
        }
        cache.put(cacheKey, result);
        return result;
    }

    private String probe(ObjectKey key, String path, String text) throws SQLException {
        String table = key.parent() == null ? null : Identifiers.qualified(key.schema(), key.parent());
        switch (key.kind()) {
            case CONSTRAINT: {
                String def = text.endsWith(" NOT VALID") ? text : text + " NOT VALID";
                boolean check = text.startsWith("CHECK ");
                exec("ALTER TABLE " + table + " ADD CONSTRAINT " + PROBE + " " + (check ? def : text));
                String back = single("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass AND conname = ?",
                        table, PROBE);
                return check && !text.endsWith(" NOT VALID") ? stripSuffix(back, " NOT VALID") : back;
            }
            case TABLE: {
                String relation = Identifiers.qualified(key.schema(), key.name());
                String column = path.substring(path.indexOf('[') + 1, path.indexOf(']'));
                if (path.endsWith(".default")) {
                    exec("ALTER TABLE " + relation + " ALTER COLUMN " + Identifiers.quote(column) + " SET DEFAULT " + text);
                    return single("SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a"
                            + " ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = ?::regclass AND a.attname = ?",
                            relation, column);
                }
                return null;
            }
            case POLICY: {
                exec("ALTER POLICY " + Identifiers.quote(key.name()) + " ON " + table
                        + (path.equals("using") ? " USING (" : " WITH CHECK (") + text + ")");
                return single("SELECT pg_get_expr(" + (path.equals("using") ? "polqual" : "polwithcheck")
                        + ", polrelid) FROM pg_policy WHERE polrelid = ?::regclass AND polname = ?", table, key.name());
            }
            case VIEW: {
                String relation = Identifiers.qualified(key.schema(), key.name());
                exec("CREATE OR REPLACE VIEW " + relation + " AS " + stripSuffix(text.stripTrailing(), ";"));
                return single("SELECT pg_get_viewdef(?::regclass)", relation);
            }
            case MATERIALIZED_VIEW: {
                String relation = Identifiers.qualified(key.schema(), key.name());
                exec("ALTER MATERIALIZED VIEW " + relation + " RENAME TO " + PROBE);
                exec("CREATE MATERIALIZED VIEW " + relation + " AS " + stripSuffix(text.stripTrailing(), ";") + " WITH NO DATA");
                return single("SELECT pg_get_viewdef(?::regclass)", relation);
            }
            case INDEX: {
                String relation = Identifiers.qualified(key.schema(), key.name());
                exec("ALTER INDEX " + relation + " RENAME TO " + PROBE);
                exec(text);
                return single("SELECT pg_get_indexdef(?::regclass)", relation);
            }
            case TRIGGER: {
                exec("ALTER TRIGGER " + Identifiers.quote(key.name()) + " ON " + table + " RENAME TO " + PROBE);
                exec(text);
                return single("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = ?::regclass AND tgname = ?", table, key.name());
            }
            case DOMAIN: {
                String domain = Identifiers.qualified(key.schema(), key.name());
                if (path.equals("default")) {
                    exec("ALTER DOMAIN " + domain + " SET DEFAULT " + text);
                    return single("SELECT pg_get_expr(typdefaultbin, 0) FROM pg_type WHERE oid = ?::regtype", domain);
                }
                String def = text.endsWith(" NOT VALID") ? text : text + " NOT VALID";
                exec("ALTER DOMAIN " + domain + " ADD CONSTRAINT " + PROBE + " " + def);
                String back = single("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contypid = ?::regtype AND conname = ?",
                        domain, PROBE);
                return text.endsWith(" NOT VALID") ? back : stripSuffix(back, " NOT VALID");
            }
            default:
                return null;
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setEscapeProcessing(false);
            s.execute(sql);
        }
    }

    private String single(String sql, String... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String stripSuffix(String s, String suffix) {
        return s != null && s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }
}
