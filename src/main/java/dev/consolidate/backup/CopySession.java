package dev.consolidate.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session settings under which every COPY of a backup runs, in production, in the
 * verification's scratch database and in a restore. Text COPY output depends on them (time
 * zone, date and interval style, float digits, bytea and money format), and the content hashes
 * compare text, so the writing and the checking side must agree on every one: this is the one
 * place they are listed, and the manifest records them.
 */
final class CopySession {
    /** Setting name to value, in the order they are applied. */
    static final Map<String, String> SETTINGS = settings();

    private CopySession() {
    }

    private static Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("client_encoding", "UTF8");
        m.put("DateStyle", "ISO, YMD");
        m.put("IntervalStyle", "postgres");
        m.put("TimeZone", "UTC");
        // 3 gives the shortest text that reads back to the same float on every supported major.
        m.put("extra_float_digits", "3");
        m.put("bytea_output", "hex");
        m.put("lc_monetary", "C");
        // Off, a table whose policies would hide rows from this role fails loudly instead of
        // being copied short.
        m.put("row_security", "off");
        // Large tables are read from their first page, not from wherever another scan is.
        m.put("synchronize_seqscans", "off");
        m.put("search_path", "");
        m.put("statement_timeout", "0");
        m.put("idle_in_transaction_session_timeout", "0");
        return Collections.unmodifiableMap(m);
    }

    /** Applies the settings to a new session, in autocommit mode. */
    static void prepare(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.set_config(?, ?, false)")) {
            for (Map.Entry<String, String> e : SETTINGS.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.execute();
            }
        }
    }
}
