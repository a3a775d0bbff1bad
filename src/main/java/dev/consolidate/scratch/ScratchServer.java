package dev.consolidate.scratch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * A PostgreSQL server on which the tool creates, uses and drops its own databases. Production is
 * never a scratch server.
 */
public interface ScratchServer extends AutoCloseable {

    /** The prefix of every database the tool creates; {@link #reapOrphans()} looks for it. */
    String DATABASE_PREFIX = "consolidate_scratch_";

    /** The server's major version, e.g. 15. */
    int major();

    /** The server's full version, e.g. "15.14". */
    String version();

    /** What it is, for the user: "embedded PostgreSQL 15.14 (bundled)", "server at host:5432". */
    String description();

    /** A fresh database created from template0; {@code purpose} becomes part of its name. */
    ScratchDatabase create(String purpose);

    /** A connection to the server's maintenance database (for CREATE/DROP DATABASE). */
    Connection maintenanceConnection() throws SQLException;

    /** Extensions the server could install (pg_available_extensions). */
    Set<String> availableExtensions();

    /** Drops databases carrying our prefix that a crashed run left and nobody is connected to. */
    int reapOrphans();

    @Override
    void close();
}
