package dev.consolidate.backup;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.consolidate.catalog.ddl.BaselineOptions;
import dev.consolidate.catalog.ddl.BaselineWriter;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.catalog.scope.Scope;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.ProjectRoot;
import dev.consolidate.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Databases, roles and independent oracles the backup tests share. */
final class Fixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final String OWNER = "consolidate_backup_owner";
    static final String BYPASS = "consolidate_backup_bypass";

    private Fixtures() {
    }

    static EmbeddedScratchServer server() {
        EmbeddedScratchServer s = TestPostgres.server();
        ensureRoles(s);
        return s;
    }

    private static synchronized void ensureRoles(EmbeddedScratchServer s) {
        try (Connection c = s.maintenanceConnection(); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN CREATE ROLE " + OWNER + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            st.execute("DO $$ BEGIN CREATE ROLE " + BYPASS + " LOGIN BYPASSRLS; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The real schema source: the catalog engine over everything but what a fresh database
     * already holds (the plain scope), as the backup step builds it.
     */
    static CatalogSchemaSource catalogSource(EmbeddedScratchServer server) {
        try (ScratchDatabase empty = server.create("backup_environment"); Connection c = empty.connect()) {
            CatalogReader reader = new CatalogReader();
            Snapshot environment = reader.read(c);
            return new CatalogSchemaSource(reader, Scope.plain(environment), new BaselineWriter(CLOCK),
                    BaselineOptions.of("production"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The catalog source's answer read once by a superuser, for tests whose production role may
     * not read every catalog the engine reads (pg_user_mapping is superuser-only).
     */
    static SchemaSource readBySuperuser(EmbeddedScratchServer server, ScratchDatabase db) {
        SchemaScope scope;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            scope = catalogSource(server).read(c);
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new SchemaSource() {
            @Override
            public List<TableName> tables(Connection connection) {
                return scope.tables();
            }

            @Override
            public SchemaScope read(Connection connection) {
                return scope;
            }
        };
    }

    /** A new database holding the given fixture of src/test/resources/backup/. */
    static ScratchDatabase database(EmbeddedScratchServer server, String purpose, String fixture) {
        ScratchDatabase db = server.create(purpose);
        execute(db, resource(fixture));
        return db;
    }

    static String resource(String name) {
        try {
            return Files.readString(ProjectRoot.get().resolve("src/test/resources/backup").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void execute(ScratchDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A session in {@code db} as another role (the embedded server trusts local logins). */
    static Connection connectAs(ScratchDatabase db, String role) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", role);
        return DriverManager.getConnection(db.jdbcUrl(), p);
    }

    /**
     * Every table's rows, fingerprinted by the server itself (count and md5 of the sorted row
     * texts, generated columns included): an oracle that shares no code with the backup.
     */
    static Map<String, String> fingerprints(ScratchDatabase db, String schema) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            List<String> tables = names(c, "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'", schema);
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ' ' || md5(coalesce(string_agg(x::text, E'\\n' "
                        + "ORDER BY x::text), '')) FROM ONLY " + t + " x")) {
                    rs.next();
                    out.put(t, rs.getString(1));
                }
            }
        }
        return out;
    }

    static Map<String, String> sequences(ScratchDatabase db, String schema) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            List<String> seqs = names(c, "SELECT format('%I.%I', schemaname, sequencename) FROM pg_sequences "
                    + "WHERE schemaname = ?", schema);
            for (String q : seqs) {
                try (ResultSet rs = s.executeQuery("SELECT last_value || ' ' || is_called FROM " + q)) {
                    rs.next();
                    out.put(q, rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<String> names(Connection c, String sql, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The pg_dump 15 used as an independent oracle; the test is skipped where it is not installed. */
    static Path pgDump() {
        Path p = Path.of("/usr/lib/postgresql/15/bin/pg_dump");
        if (!Files.isExecutable(p)) {
            System.err.println("SKIPPED: pg_dump 15 not found at " + p + "; it is the independent oracle here");
        }
        assumeTrue(Files.isExecutable(p), "pg_dump 15 not installed at " + p);
        return p;
    }

    /** pg_dump --schema-only of one schema, without comments and meta-commands. */
    static String schemaDump(EmbeddedScratchServer server, ScratchDatabase db, String schema) throws Exception {
        Process p = new ProcessBuilder(pgDump().toString(), "--schema-only", "--schema=" + schema,
                "--host=localhost", "--port=" + server.port(), "--username=postgres", "--dbname=" + db.name())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pg_dump --schema-only failed");
        }
        StringBuilder sb = new StringBuilder();
        out.lines().filter(l -> !l.startsWith("--") && !l.startsWith("\\") && !l.isBlank())
                .forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
