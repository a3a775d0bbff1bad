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
    /** What {@link #READING_SETTINGS} changes, in the order a reading inside a caller's transaction restores them. */
    private static final String[] SETTINGS = {"search_path", "jit"};
    /**
     * For the reading transaction only: an empty search_path, so every deparsed name is
     * schema-qualified the same way whatever the database's settings, and no JIT, whose
     * compiling of the large catalog queries costs more than running them.
     */
    private static final String READING_SETTINGS = "SELECT pg_catalog.set_config('search_path', '', true),"
            + " pg_catalog.set_config('jit', 'off', true)";

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
     * Reads the whole catalog over {@code workers} sessions at once (the first being
     * {@code primary}, the others opened from {@code more}), all in the one catalog snapshot the
     * primary session exports, so the result is the same as a single-session read. The queries are
     * independent; the server's deparse functions dominate the time, and this spreads them over
     * cores.
     */
    public Snapshot read(Connection primary, ConnectionSource more, int workers) throws SQLException {
        if (workers <= 1) {
            return read(primary);
        }
        if (!primary.getAutoCommit()) {
            throw new IllegalStateException("the catalog is read in a transaction of its own: pass a connection in autocommit mode");
        }
        primary.setAutoCommit(false);
        List<Connection> sessions = new ArrayList<>();
        sessions.add(primary);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "catalog-reader");
            t.setDaemon(true);
            return t;
        });
        try (Statement s = primary.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            String snapshotId;
            try (ResultSet rs = s.executeQuery("SELECT pg_catalog.pg_export_snapshot()")) {
                rs.next();
                snapshotId = rs.getString(1);
            }
            // SET TRANSACTION SNAPSHOT takes no parameters; the id is the server's own, checked to be just that
            if (!snapshotId.matches("[0-9A-Fa-f]+(-[0-9A-Fa-f]+)+")) {
                throw new SQLException("unexpected exported snapshot id");
            }
            for (int i = 1; i < workers; i++) {
                Connection c = more.open();
                sessions.add(c);
                c.setAutoCommit(false);
                try (Statement w = c.createStatement()) {
                    w.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    w.execute("SET TRANSACTION SNAPSHOT '" + snapshotId + "'");
                }
            }
            for (Connection c : sessions) {
                try (Statement w = c.createStatement()) {
                    w.execute(READING_SETTINGS);
                }
            }
            SnapshotInfo info = readInfo(s);
            java.util.concurrent.BlockingQueue<CatalogQuery> queue = new java.util.concurrent.LinkedBlockingQueue<>(byCost());
            List<java.util.concurrent.Future<Partial>> results = new ArrayList<>();
            for (Connection c : sessions) {
                results.add(pool.submit(() -> {
                    Partial part = new Partial();
                    for (CatalogQuery q = queue.poll(); q != null; q = queue.poll()) {
                        part.run(c, q);
                    }
                    return part;
                }));
            }
            Partial all = new Partial();
            for (java.util.concurrent.Future<Partial> f : results) {
                all.merge(get(f));
            }
            return all.snapshot(info);
        } finally {
            pool.shutdownNow();
            for (Connection c : sessions) {
                try {
                    c.rollback();
                    if (c == primary) {
                        c.setAutoCommit(true);
                    } else {
                        c.close();
                    }
                } catch (SQLException ignored) {
                    // the read is over; a session that cannot roll back is closed with the pool
                }
            }
        }
    }

    /** The most expensive queries first, so the sessions finish together. */
    private static List<CatalogQuery> byCost() {
        List<CatalogQuery> order = new ArrayList<>(List.of(CatalogQuery.TABLES, CatalogQuery.INDEXES, CatalogQuery.CONSTRAINTS,
                CatalogQuery.POLICIES, CatalogQuery.VIEWS, CatalogQuery.DEPENDENCIES, CatalogQuery.ALIASES, CatalogQuery.TYPES));
        for (CatalogQuery q : CatalogQuery.objectQueries()) {
            if (!order.contains(q)) {
                order.add(q);
            }
        }
        return order;
    }

    private static Partial get(java.util.concurrent.Future<Partial> f) throws SQLException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the catalog", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException se) {
                throw se;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new SQLException(e.getCause());
        }
    }

    /**
     * Reads the catalog inside the caller's open transaction (e.g. the backup's exported
     * snapshot), neither committing nor ending it; the settings it changes are restored after.
     */
    public Snapshot readInTransaction(Connection connection) throws SQLException {
        String[] prior = new String[SETTINGS.length];
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_catalog.current_setting('search_path'), pg_catalog.current_setting('jit')")) {
            rs.next();
            for (int i = 0; i < prior.length; i++) {
                prior[i] = rs.getString(i + 1);
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute(READING_SETTINGS);
        }
        try (Statement s = connection.createStatement()) {
            SnapshotInfo info = readInfo(s);
            Partial all = new Partial();
            for (CatalogQuery q : CatalogQuery.objectQueries()) {
                all.run(connection, q);
            }
            all.run(connection, CatalogQuery.ALIASES);
            all.run(connection, CatalogQuery.DEPENDENCIES);
            return all.snapshot(info);
        } finally {
            try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.set_config(?, ?, true)")) {
                for (int i = 0; i < prior.length; i++) {
                    ps.setString(1, SETTINGS[i]);
                    ps.setString(2, prior[i]);
                    ps.execute();
                }
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

    /**
     * What some of the queries returned: objects with their catalog addresses, address aliases and
     * raw dependency edges. Partials from several sessions merge; edges are resolved at the end.
     */
    private static final class Partial {
        private final Map<ObjectKey, Pending> objects = new HashMap<>();
        private final Map<Long, ObjectKey> byAddress = new HashMap<>();
        private final Map<Long, Long> aliases = new HashMap<>();
        private final List<long[]> edges = new ArrayList<>();
        private final Names names = new Names();

        void run(Connection c, CatalogQuery q) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery(q.text())) {
                    if (q == CatalogQuery.ALIASES) {
                        while (rs.next()) {
                            aliases.putIfAbsent(address(rs.getLong(1), rs.getLong(2)), address(rs.getLong(3), rs.getLong(4)));
                        }
                    } else if (q == CatalogQuery.DEPENDENCIES) {
                        while (rs.next()) {
                            edges.add(new long[] {address(rs.getLong(1), rs.getLong(2)), address(rs.getLong(3), rs.getLong(4))});
                        }
                    } else {
                        readObjects(rs, q);
                    }
                }
            }
        }

        private void readObjects(ResultSet rs, CatalogQuery q) throws SQLException {
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

        void merge(Partial other) {
            for (Map.Entry<ObjectKey, Pending> e : other.objects.entrySet()) {
                if (objects.putIfAbsent(e.getKey(), e.getValue()) != null) {
                    throw new IllegalStateException("two catalog queries returned " + e.getKey().display());
                }
            }
            other.byAddress.forEach(byAddress::putIfAbsent);
            other.aliases.forEach(aliases::putIfAbsent);
            edges.addAll(other.edges);
        }

        Snapshot snapshot(SnapshotInfo info) {
            for (long[] edge : edges) {
                ObjectKey from = resolve(edge[0], byAddress, aliases);
                ObjectKey to = resolve(edge[1], byAddress, aliases);
                if (from == null || to == null || from.equals(to) || isOwnership(from, to)) {
                    continue;
                }
                objects.get(from).dependsOn.add(to);
            }
            List<CatalogObject> done = new ArrayList<>(objects.size());
            for (Pending p : objects.values()) {
                done.add(CatalogObject.of(p.key, p.description, p.hints, p.dependencies()));
            }
            return new Snapshot(info, done);
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
