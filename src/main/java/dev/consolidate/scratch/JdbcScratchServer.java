package dev.consolidate.scratch;

import dev.consolidate.db.Identifiers;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** What every scratch server shares once it can be reached over JDBC: create, reap, inspect. */
abstract class JdbcScratchServer implements ScratchServer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private int major;
    private String version;

    /** JDBC URL of {@code database} on this server, without credentials. */
    protected abstract String jdbcUrl(String database);

    protected abstract Properties credentials();

    /** The database used for CREATE/DROP DATABASE. */
    protected String maintenanceDatabase() {
        return "postgres";
    }

    /** Reads the version once the server is up; subclasses call it at the end of their start. */
    protected final void readVersion() {
        try (Connection c = maintenanceConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
            rs.next();
            major = rs.getInt(1) / 10000;
            version = rs.getString(2).split(" ")[0];
        } catch (SQLException e) {
            throw new IllegalStateException("scratch server did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public int major() {
        return major;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Connection maintenanceConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(maintenanceDatabase()), credentials());
    }

    @Override
    public ScratchDatabase create(String purpose) {
        String name = DATABASE_PREFIX + sanitize(purpose) + "_" + HexFormat.of().formatHex(randomBytes());
        try (Connection c = maintenanceConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create scratch database " + name + ": " + e.getMessage(), e);
        }
        return new ScratchDatabase(this, name, jdbcUrl(name), credentials());
    }

    @Override
    public Set<String> availableExtensions() {
        Set<String> names = new TreeSet<>();
        try (Connection c = maintenanceConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM pg_available_extensions")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the scratch server's extensions: " + e.getMessage(), e);
        }
        return names;
    }

    @Override
    public int reapOrphans() {
        List<String> orphans = new ArrayList<>();
        try (Connection c = maintenanceConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT d.datname FROM pg_database d WHERE d.datname LIKE ? "
                            + "AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname) ORDER BY 1")) {
                ps.setString(1, DATABASE_PREFIX.replace("_", "\\_") + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        orphans.add(rs.getString(1));
                    }
                }
            }
            for (String name : orphans) {
                ScratchDatabase.drop(c, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not reap orphaned scratch databases: " + e.getMessage(), e);
        }
        return orphans.size();
    }

    private static String sanitize(String purpose) {
        String s = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            s = "db";
        }
        return s.length() > 24 ? s.substring(0, 24) : s;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return b;
    }
}
