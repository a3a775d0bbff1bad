package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.Projects;
import dev.consolidate.testsupport.Projects.Project;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Record as applied" for each tool on real PostgreSQL, by the rules read from the tools' sources
 * where the tool cannot run here (Prisma's schema engine, golang-migrate), and for the states of a
 * history table beyond a fresh one. Flyway, the Supabase CLI and dbmate are also judged by the real
 * tools in FlywayAppliedHistoryTest and RealToolsTest.
 */
class AppliedHistoryTest {
    @TempDir
    Path dir;

    @Test
    void prismaRowsAreWhatMigrateDeployLeaves() throws Exception {
        Project project = Projects.prisma(dir);
        PrismaAdapter adapter = new PrismaAdapter();
        MigrationSet migrations = project.migrations();
        try (ScratchDatabase db = TestPostgres.server().create("prisma applied")) {
            HistorySnapshot before = TestProject.read(adapter, db);
            HistoryChange change = adapter.appliedHistory(migrations, before, TestProject.CLOCK, TestProject.IDS);
            TestProject.apply(db, change);
            HistorySnapshot after = TestProject.read(adapter, db);
            List<String> expected = List.of(
                    prismaRow(migrations.migrations().get(0), "2025-09-04T01:10:05.123456+00:00"),
                    prismaRow(migrations.migrations().get(1), "2025-09-04T01:10:05.123457+00:00"),
                    prismaRow(migrations.migrations().get(2), "2025-09-04T01:10:05.123458+00:00"));
            assertEquals(expected, TestProject.rowsJson(after), "ordered by started_at as Prisma lists them");
            try (Connection c = db.connect()) {
                assertEquals(List.of(
                        "applied_steps_count integer not null 0",
                        "checksum character varying(64) not null -",
                        "constraint _prisma_migrations_pkey PRIMARY KEY (id)",
                        "finished_at timestamp with time zone null -",
                        "id character varying(36) not null -",
                        "index CREATE UNIQUE INDEX _prisma_migrations_pkey ON public._prisma_migrations USING btree (id)",
                        "logs text null -",
                        "migration_name character varying(255) not null -",
                        "rolled_back_at timestamp with time zone null -",
                        "started_at timestamp with time zone not null now()"), TestProject.tableShape(c, after.table()));
            }
            assertTrue(adapter.classify(migrations, after).allApplied());
            assertEquals(List.of(), adapter.toolView(migrations, after));

            project.file(project.folder() + "/20240104130000_more/migration.sql", "CREATE TABLE more (id int);\n");
            MigrationSet more = project.migrations();
            HistoryChange next = adapter.appliedHistory(more, after, TestProject.CLOCK, TestProject.IDS);
            assertTrue(next.create().isEmpty() && next.retire().isEmpty());
            assertEquals(1, next.inserts().size(), "only the migration deploy would run");
            TestProject.apply(db, next);
            assertTrue(adapter.classify(more, TestProject.read(adapter, db)).allApplied());

            TestProject.sql(db, "UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '20240104130000_more'");
            Problem p = assertThrows(Problem.class,
                    () -> adapter.appliedHistory(more, TestProject.read(adapter, db), TestProject.CLOCK, TestProject.IDS));
            assertEquals(ExitCode.PRECONDITION, p.exitCode());
            assertTrue(p.getMessage().contains("prisma migrate deploy would refuse"), p.getMessage());
        }
    }

    private static String prismaRow(Migration m, String at) {
        return "{\"id\":\"" + TestProject.IDS.uuid("migrate deploy " + m.version()) + "\",\"checksum\":\"" + m.sha256()
                + "\",\"finished_at\":\"" + at + "\",\"migration_name\":\"" + m.version()
                + "\",\"logs\":null,\"rolled_back_at\":null,\"started_at\":\"" + at + "\",\"applied_steps_count\":1}";
    }

    @Test
    void golangMigrateKeepsOneRowAtTheNewestVersion() throws Exception {
        Project project = Projects.golangMigrate(dir);
        GolangMigrateAdapter adapter = new GolangMigrateAdapter();
        try (ScratchDatabase db = TestPostgres.server().create("golang applied")) {
            HistorySnapshot before = TestProject.read(adapter, db);
            TestProject.apply(db, adapter.appliedHistory(project.migrations(), before, TestProject.CLOCK, TestProject.IDS));
            HistorySnapshot after = TestProject.read(adapter, db);
            assertEquals(List.of("{\"version\":3,\"dirty\":false}"), TestProject.rowsJson(after));
            try (Connection c = db.connect()) {
                assertEquals(List.of("constraint schema_migrations_pkey PRIMARY KEY (version)",
                        "dirty boolean not null -",
                        "index CREATE UNIQUE INDEX schema_migrations_pkey ON public.schema_migrations USING btree (version)",
                        "version bigint not null -"), TestProject.tableShape(c, after.table()));
            }
            assertTrue(adapter.classify(project.migrations(), after).allApplied());
            assertEquals(List.of(), adapter.toolView(project.migrations(), after));

            HistoryChange nothing = adapter.appliedHistory(project.migrations(), after, TestProject.CLOCK, TestProject.IDS);
            assertTrue(nothing.isEmpty(), "up has nothing to do at the newest version");

            TestProject.sql(db, "UPDATE schema_migrations SET version = 1");
            HistoryChange up = adapter.appliedHistory(project.migrations(), TestProject.read(adapter, db), TestProject.CLOCK, TestProject.IDS);
            assertEquals(List.of("{\"version\":1,\"dirty\":false}"), up.retire());
            assertEquals(List.of("{\"version\":3,\"dirty\":false}"), up.inserts());

            TestProject.sql(db, "UPDATE schema_migrations SET dirty = true");
            Problem p = assertThrows(Problem.class, () -> adapter.appliedHistory(project.migrations(), TestProject.read(adapter, db),
                    TestProject.CLOCK, TestProject.IDS));
            assertTrue(p.getMessage().contains("migrate up would refuse"), p.getMessage());
        }
    }

    @Test
    void supabaseAddsTheMissingVersionsAndRefusesWhatDbPushRefuses() throws Exception {
        Project project = Projects.supabase(dir);
        SupabaseAdapter adapter = new SupabaseAdapter(new SqlSplitter());
        MigrationSet all = project.migrations();
        try (ScratchDatabase db = TestPostgres.server().create("supabase applied")) {
            TestProject.sql(db, "CREATE SCHEMA supabase_migrations",
                    "CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY, statements text[], name text,"
                            + " created_by text, idempotency_key text)",
                    "INSERT INTO supabase_migrations.schema_migrations (version, name, created_by)"
                            + " VALUES ('20240101093000', 'create_profiles', 'someone@example.com')");
            HistorySnapshot before = TestProject.read(adapter, db);
            HistoryChange change = adapter.appliedHistory(all, before, TestProject.CLOCK, TestProject.IDS);
            assertTrue(change.create().isEmpty(), "an existing table is used as it is, extra columns and all");
            assertEquals(2, change.inserts().size());
            TestProject.apply(db, change);
            HistorySnapshot after = TestProject.read(adapter, db);
            assertTrue(adapter.classify(all, after).allApplied());
            assertEquals(List.of(), adapter.toolView(all, after));
            assertTrue(after.rows().get(0).json().contains("someone@example.com"), "rows already there stay");

            project.file(project.folder() + "/20240102000000_late.sql", "create table late (id int);\n");
            Problem late = assertThrows(Problem.class,
                    () -> adapter.appliedHistory(project.migrations(), after, TestProject.CLOCK, TestProject.IDS));
            assertTrue(late.getMessage().contains("20240102000000_late.sql"), late.getMessage());

            TestProject.sql(db, "INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES ('20250101000000', 'remote_only')");
            Problem missing = assertThrows(Problem.class,
                    () -> adapter.appliedHistory(all, TestProject.read(adapter, db), TestProject.CLOCK, TestProject.IDS));
            assertTrue(missing.getMessage().contains("20250101000000"), missing.getMessage());
        }
    }

    @Test
    void dbmateRecordsThePendingVersionsOnly() throws Exception {
        Project project = Projects.dbmate(dir);
        DbmateAdapter adapter = new DbmateAdapter();
        try (ScratchDatabase db = TestPostgres.server().create("dbmate applied")) {
            TestProject.sql(db, "CREATE TABLE schema_migrations (version varchar PRIMARY KEY)",
                    "INSERT INTO schema_migrations VALUES ('20240102110000'), ('19990101000000')");
            HistoryChange change = adapter.appliedHistory(project.migrations(), TestProject.read(adapter, db),
                    TestProject.CLOCK, TestProject.IDS);
            assertEquals(List.of("{\"version\":\"20240101093000\"}", "{\"version\":\"20240103120000\"}"), change.inserts());
            TestProject.apply(db, change);
            assertEquals(List.of(), adapter.toolView(project.migrations(), TestProject.read(adapter, db)));
        }
    }

    @Test
    void aPlainFolderRecordsNothingAndWritingThatChangesNothing() throws Exception {
        Project project = Projects.plainSql(dir);
        PlainSqlAdapter adapter = new PlainSqlAdapter();
        try (ScratchDatabase db = TestPostgres.server().create("plain applied"); Connection c = db.connect()) {
            HistoryChange change = adapter.appliedHistory(project.migrations(), adapter.readHistory(c, null), TestProject.CLOCK, TestProject.IDS);
            assertTrue(change.isEmpty());
            new HistoryWriter().apply(c, change);
            assertFalse(TestProject.read(new DbmateAdapter(), db).present());
        }
    }

    @Test
    void theSameInputGivesTheSameChange() throws Exception {
        for (Project project : Projects.all(dir)) {
            ToolAdapter adapter = project.adapter();
            HistoryTable table = adapter.defaultHistoryTable().map(t -> t.schema() == null ? t.inSchema("public") : t)
                    .orElse(PlainSqlAdapter.NO_TABLE);
            HistorySnapshot absent = HistorySnapshot.absent(table, "postgres", true);
            HistoryChange a = adapter.appliedHistory(project.migrations(), absent, TestProject.CLOCK, new DeterministicIds("x"));
            HistoryChange b = adapter.appliedHistory(project.migrations(), absent, TestProject.CLOCK, new DeterministicIds("x"));
            assertEquals(a, b, project.tool().toString());
        }
    }
}
