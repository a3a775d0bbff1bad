package dev.consolidate.catalog.read;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.model.SnapshotInfo;
import dev.consolidate.problem.Problem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a database's catalog into a {@link Snapshot} with a fixed handful of set-based queries
 * (never one per object), in one read-only repeatable-read transaction so every query sees the
 * same catalog. The session's search_path is emptied inside that transaction so every deparsed
 * name is schema-qualified the same way whatever the database's settings. Nothing is written.
 */
public final class CatalogReader {
    /** The oldest major the queries are written for. */
    public static final int OLDEST_MAJOR = 15;
    private static final int FETCH_SIZE = 2000;

    /**
     * Reads the whole catalog (all non-system schemas) in a read-only repeatable-read transaction
     * of its own; scoping comes afterwards. The connection must be in autocommit mode and is left
     * so.
     */
    public Snapshot read(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            throw new IllegalStateException("the catalog is read in a transaction of its own: pass a connection in autocommit mode,"
                    + " or use readInTransaction");
        }
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return readInTransaction(connection);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /**
     * Reads the catalog inside the caller's open transaction (e.g. the backup's exported
     * snapshot), neither committing nor ending it; the session's search_path is restored after.
     */
    public Snapshot readInTransaction(Connection connection) throws SQLException {
        String searchPath;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_catalog.current_setting('search_path')")) {
            rs.next();
            searchPath = rs.getString(1);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_catalog.set_config('search_path', '', true)");
        }
        try (Statement s = connection.createStatement()) {
            SnapshotInfo info = readInfo(s);
            Map<ObjectKey, Pending> objects = new HashMap<>();
            Map<Long, ObjectKey> byAddress = new HashMap<>();
            Names names = new Names();
            for (CatalogQuery q : CatalogQuery.objectQueries()) {
                readObjects(connection, q, objects, byAddress, names);
            }
            Map<Long, Long> aliases = readAliases(connection);
            readDependencies(connection, objects, byAddress, aliases);
            List<CatalogObject> done = new ArrayList<>(objects.size());
            for (Pending p : objects.values()) {
                done.add(CatalogObject.of(p.key, p.description, p.hints, p.dependencies()));
            }
            return new Snapshot(info, done);
        } finally {
            try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, true)")) {
                ps.setString(1, searchPath);
                ps.execute();
            }
        }
    }

    private static SnapshotInfo readInfo(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(
                "SELECT current_setting('server_version_num')::int, current_setting('server_version'), current_user")) {
            rs.next();
            int num = rs.getInt(1);
            if (num / 10000 < OLDEST_MAJOR) {
                throw Problem.precondition("The database runs PostgreSQL " + rs.getString(2) + ", older than " + OLDEST_MAJOR + ".")
                        .why("The catalog queries are written for PostgreSQL " + OLDEST_MAJOR + " to 18.")
                        .fix("Upgrade the server, or run against a copy on PostgreSQL " + OLDEST_MAJOR + " or newer.")
                        .state("Nothing was changed.")
                        .build();
            }
            return new SnapshotInfo(num, rs.getString(2).split(" ")[0], rs.getString(3));
        }
    }

    private static void readObjects(Connection c, CatalogQuery q, Map<ObjectKey, Pending> objects,
                                    Map<Long, ObjectKey> byAddress, Names names) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery(q.text())) {
                while (rs.next()) {
                    ObjectKey key = new ObjectKey(ObjectKind.fromId(rs.getString(1)), names.share(rs.getString(2)),
                            rs.getString(3), names.share(rs.getString(4)), names.share(rs.getString(5)));
                    Pending p = new Pending(key, rs.getString(6), names.share(rs.getString(7)));
                    if (objects.putIfAbsent(key, p) != null) {
                        throw new IllegalStateException("catalog query " + q + " returned " + key.display() + " twice");
                    }
                    if (key.kind() != ObjectKind.MEMBER_PRIVILEGES) {
                        // the member itself is the extension's: a dependency on it is one on the extension
                        byAddress.putIfAbsent(address(rs.getLong(8), rs.getLong(9)), key);
                    }
                }
            }
        }
    }

    private static Map<Long, Long> readAliases(Connection c) throws SQLException {
        Map<Long, Long> aliases = new HashMap<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery(CatalogQuery.ALIASES.text())) {
                while (rs.next()) {
                    aliases.putIfAbsent(address(rs.getLong(1), rs.getLong(2)), address(rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return aliases;
    }

    private static void readDependencies(Connection c, Map<ObjectKey, Pending> objects, Map<Long, ObjectKey> byAddress,
                                         Map<Long, Long> aliases) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery(CatalogQuery.DEPENDENCIES.text())) {
                while (rs.next()) {
                    ObjectKey from = resolve(address(rs.getLong(1), rs.getLong(2)), byAddress, aliases);
                    ObjectKey to = resolve(address(rs.getLong(3), rs.getLong(4)), byAddress, aliases);
                    if (from == null || to == null || from.equals(to) || isOwnership(from, to)) {
                        continue;
                    }
                    objects.get(from).dependsOn.add(to);
                }
            }
        }
    }

    /**
     * A sequence's OWNED BY column is recorded as the sequence depending on the table; the table
     * (through a default) usually depends on the sequence. OWNED BY is part of the sequence's
     * description and written after both, so the edge is not an ordering constraint.
     */
    private static boolean isOwnership(ObjectKey from, ObjectKey to) {
        return from.kind() == ObjectKind.SEQUENCE && to.kind() == ObjectKind.TABLE;
    }

    private static ObjectKey resolve(long address, Map<Long, ObjectKey> byAddress, Map<Long, Long> aliases) {
        long a = address;
        for (int hop = 0; hop < 8; hop++) {
            ObjectKey k = byAddress.get(a);
            if (k != null) {
                return k;
            }
            Long next = aliases.get(a);
            if (next == null) {
                return null;
            }
            a = next;
        }
        return null;
    }

    private static long address(long classId, long objId) {
        return (classId << 32) | (objId & 0xffffffffL);
    }

    private static final class Pending {
        final ObjectKey key;
        final String description;
        final String hints;
        final List<ObjectKey> dependsOn = new ArrayList<>(2);

        Pending(ObjectKey key, String description, String hints) {
            this.key = key;
            this.description = description;
            this.hints = hints;
        }

        List<ObjectKey> dependencies() {
            if (dependsOn.isEmpty()) {
                return List.of();
            }
            return new ArrayList<>(new TreeSet<>(dependsOn));
        }
    }

    /**
     * One instance per distinct schema, table and hint text: tens of thousands of objects repeat
     * the same few.
     */
    private static final class Names {
        private final Map<String, String> seen = new HashMap<>();

        String share(String s) {
            if (s == null) {
                return null;
            }
            String prior = seen.putIfAbsent(s, s);
            return prior == null ? s : prior;
        }
    }
}
