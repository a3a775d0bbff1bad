package dev.consolidate.db;

import dev.consolidate.problem.Problem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Connections to the database being consolidated. Reading goes through sessions that the server
 * itself keeps read-only; the only writing session is the one the history step asks for.
 */
public final class Production {
    private final ConnectionSpec spec;

    public Production(ConnectionSpec spec) {
        this.spec = spec;
    }

    public ConnectionSpec spec() {
        return spec;
    }

    /** A session in which every transaction is read-only (default_transaction_read_only = on, verified). */
    public Connection openReadOnly() {
        Properties p = spec.properties();
        String options = p.getProperty("options", "");
        p.setProperty("options", (options + " -c default_transaction_read_only=on").trim());
        p.setProperty("readOnly", "true");
        p.setProperty("readOnlyMode", "always");
        Connection c = connect(p);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW default_transaction_read_only")) {
            rs.next();
            if (!"on".equals(rs.getString(1))) {
                s.execute("SET default_transaction_read_only = on");
            }
            c.setReadOnly(true);
        } catch (SQLException e) {
            close(c);
            throw unreachable(e);
        }
        return c;
    }

    /** A read-write session; only the history step and its undo use one. */
    public Connection openForWriting() {
        return connect(spec.properties());
    }

    /** Server major version (e.g. 15), read through a read-only session. */
    public int serverMajor() {
        try (Connection c = openReadOnly(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private Connection connect(Properties p) {
        try {
            return DriverManager.getConnection(spec.jdbcUrl(), p);
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private Problem unreachable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = spec.redacted();
        if (state.equals("28P01") || state.equals("28000")) {
            return Problem.usage("Production refused the login of role \"" + spec.user() + "\" at " + where + ".")
                    .why("The server rejected the credentials (SQLSTATE " + state + ").")
                    .fix("Check the user and password in " + spec.source() + ", or put the password in ~/.pgpass "
                            + "(mode 0600) instead of the command line.")
                    .state("Nothing was changed.")
                    .cause(e)
                    .build();
        }
        if (state.equals("3D000")) {
            return Problem.usage("Database \"" + spec.database() + "\" does not exist at " + where + ".")
                    .why("The server answered, but has no database of that name.")
                    .fix("Check the database name in " + spec.source() + ".")
                    .state("Nothing was changed.")
                    .cause(e)
                    .build();
        }
        return Problem.precondition("Production is unreachable at " + where + ".")
                .why(safeMessage(e))
                .fix("Check that the server is up and that host, port and network access (firewall, VPN, sslmode) are right.")
                .state("Nothing was changed.")
                .cause(e)
                .build();
    }

    /** The driver's message, with the password removed should it ever appear in it. */
    private String safeMessage(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (spec.password() != null && !spec.password().isEmpty()) {
            m = m.replace(spec.password(), "********");
        }
        return m + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the original failure matters more
        }
    }
}
