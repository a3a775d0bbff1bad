package dev.consolidate.scratch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * PostgreSQL started by the tool itself from the binaries bundled in the jar (zonky): no Docker,
 * no system PostgreSQL. Durability is switched off because scratch data is thrown away.
 */
public final class EmbeddedScratchServer extends JdbcScratchServer {
    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedScratchServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        readVersion();
    }

    /** A throw-away server of the given bundled major, in a temporary data directory. */
    public static EmbeddedScratchServer start(int major) {
        return start(major, null);
    }

    /**
     * A server of the given bundled major. With a {@code dataDirectory} the cluster persists
     * there between runs (used for a production stand-in); without one it is temporary.
     */
    public static EmbeddedScratchServer start(int major, Path dataDirectory) {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, hardware) -> BundledPostgres.open(major))
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("max_connections", "50")
                .setServerConfig("timezone", "UTC");
        if (dataDirectory == null) {
            // Scratch data is thrown away: no durability, no WAL beyond the minimum, no autovacuum, and
            // room for index builds and bulk loads (a backup's verification restores every row here).
            b.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("autovacuum", "off")
                    .setServerConfig("maintenance_work_mem", "256MB");
        } else {
            b.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        try {
            return new EmbeddedScratchServer(b.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL " + major + ": " + e.getMessage(), e);
        }
    }

    /**
     * A database that outlives this object (created from template0 when absent), for a production
     * stand-in on a server with a persistent data directory: closing it does not drop it, and its
     * name carries no scratch prefix, so reaping never touches it.
     */
    public ScratchDatabase keptDatabase(String name) {
        if (dataDirectory == null) {
            throw new IllegalStateException("a kept database needs a server with a persistent data directory");
        }
        try (java.sql.Connection c = maintenanceConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            boolean exists;
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
            if (!exists) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + dev.consolidate.db.Identifiers.quote(name) + " TEMPLATE template0 ENCODING 'UTF8'");
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return ScratchDatabase.kept(this, name, jdbcUrl(name), credentials());
    }

    /** The TCP port the server listens on (loopback). */
    public int port() {
        return postgres.getPort();
    }

    @Override
    protected String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database).replace("?user=postgres", "");
    }

    @Override
    protected Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return p;
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + version() + " (bundled" + (dataDirectory == null ? "" : ", data in " + dataDirectory) + ")";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
