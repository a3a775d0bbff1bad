package dev.consolidate.catalog;

import dev.consolidate.catalog.ddl.Baseline;
import dev.consolidate.catalog.ddl.BaselineOptions;
import dev.consolidate.catalog.ddl.BaselineWriter;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.catalog.scope.Scope;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates a schema of N tables (default 10,000) with indexes, constraints, foreign keys,
 * policies, functions, views and triggers on an embedded PostgreSQL 15, then times, in the same
 * run, a catalog snapshot plus baseline against pg_dump --schema-only of the same database, and
 * reports the JVM's peak heap. bench/catalog/run.sh runs it; not a test.
 */
public final class CatalogBench {
    private static final int PER_BATCH = 100;
    /** Sessions reading the catalog at once (-Dbench.sessions; default 1, as the steps read). */
    private static final int SESSIONS = Integer.getInteger("bench.sessions", 1);

    private CatalogBench() {
    }

    /**
     * Arguments: tables (default 10000), runs (default 3), and optionally host, port and database of
     * an existing local server (user postgres, no password) whose database already holds the
     * generated schema; without them an embedded PostgreSQL 15 is started and the schema generated.
     */
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (args.length > 4) {
            Target t = new Target(args[2], Integer.parseInt(args[3]), args[4]);
            measure(t, null, runs);
            return;
        }
        // pg_dump locks every table in one transaction: 10,000 tables need a bigger lock table than the default
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, hardware) -> CatalogBench.class.getResourceAsStream("/consolidate/pg/15/postgres-linux-x86_64.txz"))
                .setLocaleConfig("locale", "C").setLocaleConfig("encoding", "UTF8")
                .setServerConfig("max_locks_per_transaction", "1024").setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE bench_environment TEMPLATE template0");
                s.execute("CREATE DATABASE bench_catalog TEMPLATE template0");
            }
            Target t = new Target("localhost", pg.getPort(), "bench_catalog");
            long g0 = System.nanoTime();
            try (Connection c = t.connect()) {
                generate(c, tables);
            }
            System.out.printf("generated %d tables in %d s on an embedded PostgreSQL 15%n", tables, (System.nanoTime() - g0) / 1_000_000_000L);
            measure(t, new Target("localhost", pg.getPort(), "bench_environment"), runs);
        }
    }

    /** A database on a local server, reached as postgres without a password. */
    record Target(String host, int port, String database) {
        Connection connect() throws java.sql.SQLException {
            java.util.Properties p = new java.util.Properties();
            p.setProperty("user", "postgres");
            return java.sql.DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, p);
        }
    }

    private static void measure(Target db, Target empty, int runs) throws Exception {
        {
            Snapshot environment;
            if (empty == null) {
                environment = new Snapshot(new dev.consolidate.catalog.model.SnapshotInfo(150000, "15", "postgres"), List.of());
            } else {
                try (Connection c = empty.connect()) {
                    environment = new CatalogReader().read(c);
                }
            }
            {
                resetPeaks();
                List<Long> ours = new ArrayList<>();
                List<Long> dumps = new ArrayList<>();
                List<Long> oursCpu = new ArrayList<>();
                List<Long> dumpsCpu = new ArrayList<>();
                long postmaster = postmasterPid(db);
                Baseline baseline = null;
                ScopedSnapshot scoped = null;
                for (int i = 0; i < runs; i++) {
                    long gc0 = gcMillis();
                    long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                    long j0 = selfCpu();
                    long s0 = serverCpu(postmaster);
                    long c0 = j0 + s0;
                    long t0 = System.nanoTime();
                    Snapshot snapshot;
                    try (Connection c = db.connect()) {
                        snapshot = new CatalogReader().read(c, db::connect, SESSIONS);
                    }
                    if (empty == null) {
                        snapshot = snapshot.filter(o -> !"public".equals(o.key().name()) && !"plpgsql".equals(o.key().name()));
                    }
                    long t1 = System.nanoTime();
                    scoped = Scope.plain(environment).apply(snapshot);
                    baseline = new BaselineWriter(Clock.systemUTC()).write(scoped, BaselineOptions.of("bench"));
                    long t2 = System.nanoTime();
                    ours.add(t2 - t0);
                    Thread.sleep(500); // let the postmaster reap the sessions that just ended, and count them
                    long j1 = selfCpu();
                    long s1 = serverCpu(postmaster);
                    oursCpu.add(j1 + s1 - c0);
                    System.out.printf("run %d: CPU seconds: this JVM %.1f (GC %.1f s, JIT %.1f s of it), server %.1f%n", i + 1,
                            (j1 - j0) / 100.0, (gcMillis() - gc0) / 1000.0,
                            (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0) / 1000.0, (s1 - s0) / 100.0);
                    System.out.printf("run %d: snapshot %d ms (%d objects), baseline %d ms (%d bytes); live heap with both: %d MB%n",
                            i + 1, (t1 - t0) / 1_000_000, snapshot.size(), (t2 - t1) / 1_000_000, baseline.sql().length(), liveHeapMb());
                    snapshot = null;
                    long d0 = childrenCpu() + serverCpu(postmaster);
                    long d = pgDump(db);
                    Thread.sleep(500);
                    if (d >= 0) {
                        dumps.add(d);
                        dumpsCpu.add(childrenCpu() + serverCpu(postmaster) - d0);
                        System.out.printf("run %d: pg_dump CPU seconds (client + server): %.1f%n", i + 1, dumpsCpu.get(dumpsCpu.size() - 1) / 100.0);
                        System.out.printf("run %d: pg_dump --schema-only %d ms%n", i + 1, d / 1_000_000);
                    }
                }
                long oursMedian = median(ours);
                System.out.printf("%nobjects in scope: %d; counts: %s%n", scoped.objects().size(), scoped.objects().counts());
                System.out.printf("snapshot + baseline, median of %d: %d ms%n", runs, oursMedian / 1_000_000);
                if (!dumps.isEmpty()) {
                    long dumpMedian = median(dumps);
                    System.out.printf("pg_dump --schema-only, median of %d: %d ms%n", dumps.size(), dumpMedian / 1_000_000);
                    System.out.printf("speed-up: %.1fx%n", (double) dumpMedian / oursMedian);
                    if (postmaster > 0) {
                        long oc = median(oursCpu);
                        long dc = median(dumpsCpu);
                        System.out.printf("CPU seconds (client + server processes), median: ours %.1f s, pg_dump %.1f s: %.1fx less%n",
                                oc / 100.0, dc / 100.0, (double) dc / oc);
                    }
                }
                System.out.printf("peak heap used: %d MB (max heap %d MB)%n", peakHeap() / (1024 * 1024),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024));
                long floor = deparseFloor(db);
                if (!dumps.isEmpty()) {
                    System.out.printf("5x pg_dump's median leaves %d ms for everything; the deparse floor alone takes %d ms%n",
                            median(dumps) / 5_000_000, floor / 1_000_000);
                }
                Files.writeString(Path.of("target/bench-catalog-baseline.sql"), baseline.sql(), StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * What only the server can print: the deparsed expressions (policies, checks, defaults and
     * generated columns, indexes with expressions or predicates) and the views, functions and
     * triggers, each call as the catalog queries make it. Run alone in a fresh session, as a read
     * does, so the relation cache the expression deparser needs is built once, here. Any reading
     * that takes its texts from the server, as ours and pg_dump do, needs at least this much.
     */
    private static final String[] FLOOR = {
        "SELECT count(pg_get_expr(p.polqual, p.polrelid)) + count(pg_get_expr(p.polwithcheck, p.polrelid)) FROM pg_policy p"
            + " JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE %s",
        "SELECT count(pg_get_constraintdef(con.oid)) FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE con.contype = 'c' AND %s",
        "SELECT count(pg_get_expr(d.adbin, d.adrelid)) FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE %s",
        "SELECT count(pg_get_indexdef(i.indexrelid)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL) AND %s",
        "SELECT count(pg_get_viewdef(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND %s",
        "SELECT count(pg_get_functiondef(f.oid)) FROM pg_proc f JOIN pg_namespace n ON n.oid = f.pronamespace"
            + " WHERE f.prokind IN ('f', 'p') AND %s",
        "SELECT count(pg_get_triggerdef(t.oid)) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND %s",
    };

    /** Times {@link #FLOOR} in one fresh session and prints each part; returns the total in nanoseconds. */
    private static long deparseFloor(Target db) throws Exception {
        long total = 0;
        StringBuilder parts = new StringBuilder();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT set_config('search_path', '', true), set_config('jit', 'off', true)");
            for (String q : FLOOR) {
                long t0 = System.nanoTime();
                try (java.sql.ResultSet rs = s.executeQuery(String.format(q, "n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'"))) {
                    rs.next();
                }
                long t = System.nanoTime() - t0;
                total += t;
                parts.append(parts.length() == 0 ? "" : ", ").append(t / 1_000_000);
            }
            c.rollback();
        }
        System.out.printf("deparse floor (policies, checks, defaults, expression indexes, views, functions, triggers): %d ms (%s)%n",
                total / 1_000_000, parts);
        return total;
    }

    /** Tables in batches: one transaction holding locks on 10,000 new relations would exhaust the lock table. */
    private static void generate(Connection c, int tables) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE ROLE bench_reader NOLOGIN".replace("CREATE ROLE", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench_reader') THEN CREATE ROLE")
                    + "; END IF; END $$");
            s.execute("CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$");
            int schemas = Math.max(1, tables / 1000);
            for (int sc = 1; sc <= schemas; sc++) {
                s.execute("CREATE SCHEMA bench_" + sc);
                s.execute("GRANT USAGE ON SCHEMA bench_" + sc + " TO bench_reader");
            }
            for (int from = 1; from <= tables; from += PER_BATCH) {
                int to = Math.min(tables, from + PER_BATCH - 1);
                s.execute(String.format(BATCH, from, to, schemas));
            }
        }
    }

    private static final String BATCH = """
            DO $gen$
            DECLARE
                n int;
                sc int;
                q text;
            BEGIN
                FOR n IN %d..%d LOOP
                    sc := 1 + (n - 1) %% %d;
                    q := format('bench_%%s.t%%s', sc, n);
                    EXECUTE format($f$CREATE TABLE %%s (
                        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                        name text NOT NULL,
                        status varchar(10) NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'done')),
                        parent_id bigint,
                        owner uuid,
                        payload jsonb,
                        created_at timestamptz NOT NULL DEFAULT now(),
                        updated_at timestamptz,
                        CONSTRAINT t%%s_name_key UNIQUE (name))$f$, q, n);
                    EXECUTE format('CREATE INDEX t%%s_created_idx ON %%s (created_at) WHERE status = ''new''', n, q);
                    EXECUTE format('CREATE INDEX t%%s_owner_idx ON %%s (owner, lower(name))', n, q);
                    IF n > %3$d THEN
                        EXECUTE format('ALTER TABLE %%s ADD CONSTRAINT t%%s_parent_fk FOREIGN KEY (parent_id) REFERENCES bench_%%s.t%%s (id) ON DELETE CASCADE',
                                       q, n, sc, n - %3$d);
                    END IF;
                    EXECUTE format('ALTER TABLE %%s ENABLE ROW LEVEL SECURITY', q);
                    EXECUTE format('CREATE POLICY own_rows ON %%s FOR ALL TO bench_reader USING (owner = nullif(current_setting(''app.user'', true), '''')::uuid)', q);
                    EXECUTE format('CREATE POLICY read_new ON %%s FOR SELECT USING (status = ''new'')', q);
                    EXECUTE format('GRANT SELECT ON %%s TO bench_reader', q);
                    EXECUTE format('COMMENT ON TABLE %%s IS %%L', q, 'table number ' || n);
                    IF n %% 10 = 0 THEN
                        EXECUTE format('CREATE FUNCTION bench_%%s.children%%s(p bigint) RETURNS bigint LANGUAGE sql STABLE'
                                       ' AS $b$ SELECT count(*) FROM %%s WHERE parent_id = p $b$', sc, n, q);
                        EXECUTE format('CREATE VIEW bench_%%s.v%%s AS SELECT id, name, bench_%%s.children%%s(id) AS children FROM %%s',
                                       sc, n, sc, n, q);
                        EXECUTE format('CREATE TRIGGER touch BEFORE UPDATE ON %%s FOR EACH ROW EXECUTE FUNCTION public.touch()', q);
                    END IF;
                END LOOP;
            END
            $gen$""";

    private static long pgDump(Target db) throws Exception {
        Path pgDump = Path.of("/usr/lib/postgresql/15/bin/pg_dump");
        if (!Files.isExecutable(pgDump)) {
            System.out.println("pg_dump 15 not installed under /usr/lib/postgresql/15/bin: comparison skipped");
            return -1;
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(pgDump.toString(), "--schema-only", "--no-password", "-h", db.host(),
                "-p", String.valueOf(db.port()), "-U", "postgres", "-f", "target/bench-catalog-pg_dump.sql", db.database())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("pg_dump failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return System.nanoTime() - t0;
    }

    /**
     * CPU time in clock ticks (1/100 s) from /proc: the load-independent measure on a shared
     * machine. The server's is its postmaster's reaped children plus its live ones.
     */
    private static long selfCpu() {
        long[] f = stat("self");
        return f == null ? 0 : f[13] + f[14];
    }

    private static long childrenCpu() {
        long[] f = stat("self");
        return f == null ? 0 : f[15] + f[16];
    }

    private static long serverCpu(long postmaster) {
        if (postmaster <= 0) {
            return 0;
        }
        long[] pm = stat(String.valueOf(postmaster));
        long total = pm == null ? 0 : pm[13] + pm[14] + pm[15] + pm[16];
        java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        if (procs != null) {
            for (java.io.File p : procs) {
                long[] f = stat(p.getName());
                if (f != null && f[3] == postmaster) {
                    total += f[13] + f[14];
                }
            }
        }
        return total;
    }

    /** Fields of /proc/PID/stat as numbers (index = field number - 1; the command name is skipped). */
    private static long[] stat(String pid) {
        try {
            String s = Files.readString(Path.of("/proc", pid, "stat"));
            String[] rest = s.substring(s.lastIndexOf(')') + 2).split(" ");
            long[] out = new long[rest.length + 2];
            for (int i = 0; i < rest.length; i++) {
                try {
                    out[i + 2] = Long.parseLong(rest[i]);
                } catch (NumberFormatException e) {
                    out[i + 2] = 0;
                }
            }
            return out;
        } catch (Exception e) {
            return null;
        }
    }

    /** The postmaster of the server holding {@code db}, if it runs on this machine and is visible. */
    private static long postmasterPid(Target db) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long[] f = stat(String.valueOf(rs.getInt(1)));
            return f == null ? -1 : f[3];
        } catch (Exception e) {
            return -1;
        }
    }

    private static long gcMillis() {
        long t = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    /** Heap still reachable after a full collection (outside the timed sections). */
    private static long liveHeapMb() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
