package dev.consolidate.backup;

import dev.consolidate.problem.Problem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The coordinator session of a backup: a REPEATABLE READ, READ ONLY transaction that locks the
 * tables in scope (ACCESS SHARE, which only DDL waits for) before its first query, and then
 * exports its snapshot so that every worker sees exactly the same database. It stays open until
 * the last worker, and pg_dump if any, has read everything.
 */
final class SnapshotSession implements AutoCloseable {
    // What pg_export_snapshot() returns: hex groups and a counter. Checked because
    // SET TRANSACTION SNAPSHOT takes a literal, not a parameter.
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f]+(-[0-9A-Fa-f]+)+");

    private final Connection connection;
    private final String snapshotId;

    private SnapshotSession(Connection connection, String snapshotId) {
        this.connection = connection;
        this.snapshotId = snapshotId;
    }

    /**
     * Opens the session on {@code connection} (already prepared with the COPY settings, in
     * autocommit mode): begins the transaction, locks, exports the snapshot.
     */
    static SnapshotSession begin(Connection connection, List<TableName> toLock, Duration lockTimeout) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.set_config('lock_timeout', ?, true)")) {
                ps.setString(1, lockTimeout.toMillis() + "ms");
                ps.execute();
            }
            if (!toLock.isEmpty()) {
                String names = toLock.stream().distinct().sorted().map(TableName::sql).collect(Collectors.joining(", "));
                try {
                    s.execute("LOCK TABLE " + names + " IN ACCESS SHARE MODE");
                } catch (SQLException e) {
                    throw lockFailed(e, lockTimeout);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.set_config('lock_timeout', '0', true)")) {
                ps.execute();
            }
            String id;
            try (ResultSet rs = s.executeQuery("SELECT pg_catalog.pg_export_snapshot()")) {
                rs.next();
                id = rs.getString(1);
            }
            if (!SNAPSHOT_ID.matcher(id).matches()) {
                throw new IllegalStateException("unexpected snapshot identifier from the server: " + id);
            }
            return new SnapshotSession(connection, id);
        }
    }

    private static Problem lockFailed(SQLException e, Duration timeout) {
        boolean timedOut = "55P03".equals(e.getSQLState());
        return Problem.precondition("The backup could not lock the tables in scope for reading: " + SqlErrors.describe(e) + ".")
                .why(timedOut
                        ? "Another session holds or waits for an exclusive lock (a migration, VACUUM FULL, a long "
                        + "ALTER TABLE) and did not let go within " + timeout.toSeconds() + " s."
                        : "A table in scope changed or disappeared while the backup started.")
                .fix("Run the backup again once no migration or maintenance runs against production.")
                .state("Production was only read; no backup was written.")
                .cause(e)
                .build();
    }

    String id() {
        return snapshotId;
    }

    Connection connection() {
        return connection;
    }

    /** Makes a worker session (prepared with the COPY settings) see this snapshot. */
    void join(Connection worker) throws SQLException {
        try (Statement s = worker.createStatement()) {
            s.execute("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            s.execute("SET TRANSACTION SNAPSHOT '" + snapshotId + "'");
        }
    }

    /** Ends the read-only transaction, releasing the locks. */
    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        }
    }
}
