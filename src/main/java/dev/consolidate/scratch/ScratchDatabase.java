package dev.consolidate.scratch;

import dev.consolidate.db.Identifiers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One database on a scratch server. Every connection is checked with current_database() before
 * use, so work meant for scratch can never land elsewhere. Closing drops it.
 */
public final class ScratchDatabase implements AutoCloseable {
    private final ScratchServer server;
    private final String name;
    private final String jdbcUrl;
    private final Properties credentials;
    private final boolean kept;
    private boolean dropped;

    ScratchDatabase(ScratchServer server, String name, String jdbcUrl, Properties credentials) {
        this(server, name, jdbcUrl, credentials, false);
        if (!name.startsWith(ScratchServer.DATABASE_PREFIX)) {
            throw new IllegalArgumentException("scratch database without the prefix: " + name);
        }
    }

    /** A database that closing leaves in place: a production stand-in on a server the tool started itself. */
    private ScratchDatabase(ScratchServer server, String name, String jdbcUrl, Properties credentials, boolean kept) {
        this.server = server;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.credentials = credentials;
        this.kept = kept;
    }

    static ScratchDatabase kept(ScratchServer server, String name, String jdbcUrl, Properties credentials) {
        return new ScratchDatabase(server, name, jdbcUrl, credentials, true);
    }

    public String name() {
        return name;
    }

    /** The JDBC URL without credentials (safe to print). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public ScratchServer server() {
        return server;
    }

    /** A new connection, verified to be connected to this database. */
    public Connection connect() throws SQLException {
        return connect(new Properties());
    }

    /**
     * A new connection with extra pgjdbc properties (e.g. preferQueryMode), verified to be
     * connected to this database. The credentials cannot be overridden.
     */
    public Connection connect(Properties driverProperties) throws SQLException {
        Properties p = new Properties();
        p.putAll(driverProperties);
        p.putAll(credentials);
        Connection c = DriverManager.getConnection(jdbcUrl, p);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            String actual = rs.getString(1);
            if (!name.equals(actual)) {
                c.close();
                throw new SQLException("connected to " + actual + " instead of scratch database " + name);
            }
        }
        return c;
    }

    /** Properties holding the user and password, for tools that need them separately. */
    public Properties credentials() {
        Properties p = new Properties();
        p.putAll(credentials);
        return p;
    }

    /** Drops the database (terminating leftover sessions first). Idempotent. */
    @Override
    public void close() {
        if (dropped || kept) {
            return;
        }
        try (Connection c = server.maintenanceConnection()) {
            drop(c, name);
            dropped = true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop scratch database " + name + ": " + e.getMessage(), e);
        }
    }

    static void drop(Connection maintenance, String name) throws SQLException {
        try (PreparedStatement ps = maintenance.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, name);
            ps.execute();
        }
        try (Statement s = maintenance.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name));
        }
    }
}
