package dev.consolidate.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.db.ConnectionResolver;
import dev.consolidate.db.ConnectionSpec;
import dev.consolidate.db.Production;
import dev.consolidate.history.Classification;
import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.MigrationState;
import dev.consolidate.history.Tool;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.testsupport.Productions.Fixture;
import dev.consolidate.testsupport.Projects.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProductionsTest {
    @TempDir
    Path dir;

    /** The objects each generated history creates: index, function, trigger, policy, and a grant on a table. */
    private record Objects(String index, String function, String trigger, String policy, String grantee, String table) {
        static Objects of(Tool tool) {
            return switch (tool) {
                case SUPABASE -> new Objects("profiles_updated_at_idx", "handle_new_user", "on_auth_user_created",
                        "Users can update own profile.", "authenticated", "public.profiles");
                case PRISMA -> new Objects("Note_accountId_idx", "touch_updated_at", "Note_touch", "Note_owner",
                        Projects.READER_ROLE, "public.\"Note\"");
                default -> new Objects("notes_account_id_idx", "touch_updated_at", "notes_touch", "notes_owner",
                        Projects.READER_ROLE, "public.notes");
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void eachToolsProductionHoldsTheHistoryAndTheRowsItsToolWouldHaveWritten(Tool tool) throws Exception {
        Project project = Projects.of(tool, dir);
        try (Fixture prod = Productions.of(project)) {
            assertAllObjects(prod, Objects.of(tool));
            HistorySnapshot history = prod.readHistory();
            Classification c = project.adapter().classify(prod.migrations(), history);
            if (tool == Tool.SQL) {
                assertFalse(history.present(), "a plain folder keeps no table");
                assertEquals(prod.migrations().migrations().size(), c.count(MigrationState.NOT_TRACKED));
            } else {
                assertTrue(c.allApplied(), c.entries().toString());
                assertEquals(expectedRows(tool, prod.migrations().migrations().size()), history.rows().size());
            }
            assertEquals(List.of(), project.adapter().toolView(prod.migrations(), history));
            assertTrue(prod.url().matches("postgresql://postgres@127\\.0\\.0\\.1:\\d+/" + prod.database().name()), prod.url());
        }
    }

    private static int expectedRows(Tool tool, int migrations) {
        return tool == Tool.GOLANG_MIGRATE ? 1 : migrations;
    }

    @Test
    void theUrlOpensTheDatabaseThroughTheCommandLinesOwnResolver() throws Exception {
        try (Fixture prod = Productions.of(Projects.dbmate(dir.resolve("project")))) {
            Path home = Files.createDirectories(dir.resolve("home"));
            ConnectionSpec spec = new ConnectionResolver(Map.of(), home).resolve(prod.url()).orElseThrow();
            try (Connection c = new Production(spec).openReadOnly(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_database(), count(*) FROM schema_migrations")) {
                rs.next();
                assertEquals(prod.database().name(), rs.getString(1));
                assertEquals(3, rs.getInt(2));
            }
        }
    }

    @Test
    void driftLandsAfterTheHistoryAndTheRowsStillSayEverythingRan() throws Exception {
        Project project = Projects.flyway(dir);
        try (Fixture prod = Productions.builder(project)
                .drift("CREATE INDEX notes_body_idx ON notes (body)")
                .drift("ALTER TABLE accounts ADD COLUMN plan text; COMMENT ON COLUMN accounts.plan IS 'added by hand'")
                .build()) {
            try (Connection c = prod.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM pg_indexes WHERE indexname = 'notes_body_idx'),"
                         + " col_description('accounts'::regclass, (SELECT attnum FROM pg_attribute"
                         + " WHERE attrelid = 'accounts'::regclass AND attname = 'plan'))")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                assertEquals("added by hand", rs.getString(2));
            }
            assertTrue(project.adapter().classify(prod.migrations(), prod.readHistory()).allApplied());
        }
    }

    @Test
    void theEnvironmentIsBuiltBeforeTheHistory() throws Exception {
        Project project = Projects.plainSql(dir.resolve("project"))
                .file("migrations/0012-settings.sql", "CREATE TABLE settings (k text PRIMARY KEY, v text);\n"
                        + "INSERT INTO audit.events (what) VALUES ('settings created');\n");
        Path bootstrap = Files.writeString(dir.resolve("bootstrap.sql"),
                "CREATE SCHEMA app;\nCREATE SCHEMA audit;\nCREATE TABLE audit.events (what text);\n");
        EnvironmentSpec env = EnvironmentSpec.none().withBootstrap(bootstrap, "bootstrap.sql")
                .withSessionSettings(Map.of("search_path", "app, public"));
        try (Fixture prod = Productions.builder(project).environment(env).build();
             Connection c = prod.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('app.settings') IS NOT NULL, to_regclass('app.notes') IS NOT NULL,"
                     + " (SELECT count(*) FROM audit.events)")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "the history ran with the session's search_path");
            assertTrue(rs.getBoolean(2));
            assertEquals(1, rs.getInt(3));
        }
    }

    @Test
    void theSameProjectGivesByteIdenticalHistoryRows() throws Exception {
        Project project = Projects.prisma(dir);
        try (Fixture a = Productions.of(project); Fixture b = Productions.of(project);
             Connection ca = a.connect(); Connection cb = b.connect()) {
            String rows = Catalogs.rows(ca, "public._prisma_migrations");
            assertEquals(rows, Catalogs.rows(cb, "public._prisma_migrations"));
            assertTrue(rows.contains("\"applied_steps_count\":1"), rows);
        }
    }

    @Test
    void aHistoryThatDoesNotReplayLeavesNoDatabaseBehind() throws Exception {
        Project project = Projects.golangMigrate(dir).file("migrations/000004_broken.up.sql", "ALTER TABLE nowhere ADD COLUMN x int;\n");
        List<String> before = fixtureDatabases();
        Problem p = assertThrows(Problem.class, () -> Productions.of(project));
        assertTrue(p.getMessage().contains("000004_broken.up.sql"), p.getMessage());
        assertEquals(before, fixtureDatabases());
    }

    private static List<String> fixtureDatabases() throws Exception {
        try (Connection c = TestPostgres.server().maintenanceConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '%production_golang_migrate%' ORDER BY 1")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static void assertAllObjects(Fixture prod, Objects o) throws Exception {
        try (Connection c = prod.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT (SELECT count(*) FROM pg_catalog.pg_indexes WHERE indexname = ?),
                       (SELECT count(*) FROM pg_catalog.pg_proc WHERE proname = ?),
                       (SELECT count(*) FROM pg_catalog.pg_trigger WHERE tgname = ?),
                       (SELECT count(*) FROM pg_catalog.pg_policy WHERE polname = ?),
                       has_table_privilege(?, ?::regclass, 'SELECT')""")) {
            ps.setString(1, o.index());
            ps.setString(2, o.function());
            ps.setString(3, o.trigger());
            ps.setString(4, o.policy());
            ps.setString(5, o.grantee());
            ps.setString(6, o.table());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(List.of(1, 1, 1, 1, true), List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5)),
                        "index, function, trigger, policy, grant of " + prod.project().tool());
            }
        }
    }
}
