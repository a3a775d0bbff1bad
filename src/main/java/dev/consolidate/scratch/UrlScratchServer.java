package dev.consolidate.scratch;

import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A server the user points at with {@code --scratch url:...}: the tool creates its own prefixed
 * databases there and drops them. The database named in the URL is only used to create and drop
 * them, and it must be empty: a URL that names a database holding objects is more likely to be
 * production given by mistake than a scratch server.
 */
public final class UrlScratchServer extends JdbcScratchServer {
    private static final String USER_OBJECTS = "/consolidate/scratch/user-objects.sql";

    private final ServerUrl url;

    private UrlScratchServer(ServerUrl url) {
        this.url = url;
    }

    /** Connects, checks that the server can be used for scratch work, and reads its version. */
    public static UrlScratchServer connect(ServerUrl url) {
        UrlScratchServer server = new UrlScratchServer(url);
        try (Connection c = server.maintenanceConnection()) {
            server.checkCanCreateDatabases(c);
            server.checkEmpty(c);
        } catch (SQLException e) {
            throw Problem.usage("Could not connect to the scratch server at " + url.display() + ": " + e.getMessage())
                    .why("--scratch url: needs a reachable PostgreSQL server and a role that may log in to it.")
                    .fix("Check the host, port, user and database in the URL (a password can come from the URL or ~/.pgpass).")
                    .state("nothing changed.")
                    .build();
        }
        server.readVersion();
        return server;
    }

    private void checkCanCreateDatabases(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw Problem.usage("The role in the scratch server URL (" + url.display() + ") may not create databases.")
                        .why("the tool replays into databases it creates and drops on the scratch server.")
                        .fix("Use a role with CREATEDB (the Supabase profile also needs a superuser, to create the platform's roles), "
                                + "or use --scratch embedded.")
                        .state("nothing changed.")
                        .build();
            }
        }
    }

    private void checkEmpty(Connection c) throws SQLException {
        long objects;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query())) {
            rs.next();
            objects = rs.getLong(1);
        }
        if (objects > 0) {
            throw Problem.usage("The scratch server URL names database \"" + url.database() + "\", which is not empty ("
                            + objects + (objects == 1 ? " object)." : " objects)."))
                    .why("the database in a scratch URL is only used to create and drop the tool's own databases; "
                            + "one that holds objects may be a real database given by mistake, and the tool refuses to work from it.")
                    .fix("Point the URL at an empty database on that server (e.g. CREATE DATABASE consolidate_maintenance), "
                            + "or use --scratch embedded.")
                    .state("nothing changed.")
                    .build();
        }
    }

    private static String query() {
        try (InputStream in = UrlScratchServer.class.getResourceAsStream(USER_OBJECTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + USER_OBJECTS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected String jdbcUrl(String database) {
        return url.jdbcUrl(database);
    }

    @Override
    protected Properties credentials() {
        return url.credentials();
    }

    @Override
    protected String maintenanceDatabase() {
        return url.database();
    }

    @Override
    public String description() {
        return "PostgreSQL " + version() + " at " + url.display();
    }

    /** Nothing to stop: the server is not ours; our databases are dropped one by one. */
    @Override
    public void close() {
    }
}
