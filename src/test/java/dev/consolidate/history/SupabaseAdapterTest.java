package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupabaseAdapterTest {
    private final SupabaseAdapter adapter = new SupabaseAdapter(new SqlSplitter());

    @TempDir
    Path dir;

    private TestProject project() {
        return new TestProject(dir)
                .file("supabase/migrations/20240101000000_create_a.sql", "CREATE TABLE a (id int);\n")
                .file("supabase/migrations/20240102000000_create_b.sql", "-- b\nCREATE TABLE b (id int);\n")
                .file("supabase/migrations/20240103000000_index_b.sql", "CREATE INDEX b_id ON b (id);\n")
                .file("supabase/migrations/README.md", "notes")
                .file("supabase/migrations/seed.sql", "INSERT INTO a VALUES (1);");
    }

    @Test
    void discoversByVersionAndSkipsWhatTheCliSkips() {
        project().file("supabase/migrations/20211208000000_init.sql", "SELECT 1;");
        MigrationSet set = adapter.discover(dir, Path.of("supabase/migrations"));
        assertEquals(List.of("20240101000000", "20240102000000", "20240103000000"),
                set.migrations().stream().map(Migration::version).toList());
        assertEquals("create_b", set.migrations().get(1).description());
        assertNull(set.migrations().get(0).checksum());
        assertEquals(List.of("supabase/migrations/20211208000000_init.sql", "supabase/migrations/README.md",
                "supabase/migrations/seed.sql"), set.ignored().stream().map(IgnoredFile::path).toList());
    }

    @Test
    void duplicateVersionsNameBothFiles() {
        project().file("supabase/migrations/20240102000000_other.sql", "SELECT 1;");
        Problem p = assertThrows(Problem.class, () -> adapter.discover(dir, Path.of("supabase/migrations")));
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertTrue(p.what().contains("20240102000000_create_b.sql") && p.what().contains("20240102000000_other.sql"), p.what());
    }

    @Test
    void classifiesBaselinesWritesAndUndoesOnPostgres() throws Exception {
        TestProject project = project();
        try (ScratchDatabase db = TestPostgres.server().create("supabase adapter")) {
            assertFalse(TestProject.read(adapter, db).present(), "absent table is reported, not created");
            assertFalse(TestProject.read(adapter, db).present());
            // A hosted project's table: the CLI's columns plus platform ones.
            TestProject.sql(db, "CREATE SCHEMA supabase_migrations",
                    "CREATE TABLE supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY, statements text[], name text,"
                            + " created_by text, idempotency_key text)",
                    "INSERT INTO supabase_migrations.schema_migrations VALUES"
                            + " ('20240101000000', ARRAY['CREATE TABLE a (id int)'], 'create_a', 'me@example.com', 'k1'),"
                            + " ('20240102000000', ARRAY['-- b\nCREATE TABLE b (id int)'], 'create_b', NULL, NULL),"
                            + " ('20231231000000', NULL, 'gone', NULL, NULL)");
            MigrationSet local = adapter.discover(dir, Path.of("supabase/migrations"));
            HistorySnapshot before = TestProject.read(adapter, db);
            assertTrue(before.hasColumn("idempotency_key"));
            Classification c = adapter.classify(local, before);
            assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING, MigrationState.MISSING_LOCALLY),
                    c.entries().stream().map(MigrationStatus::state).toList());
            assertEquals(2, adapter.toolView(local, before).size());

            TestProject.sql(db, "DELETE FROM supabase_migrations.schema_migrations WHERE version = '20231231000000'",
                    "INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES ('20240103000000', 'index_b')");
            before = TestProject.read(adapter, db);
            assertTrue(adapter.classify(local, before).allApplied());
            assertEquals(List.of(), adapter.toolView(local, before));

            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(local, before, local.folder(), null, TestProject.CLOCK));
            assertEquals("20240103000000", baseline.version(), "keeps the newest applied version");
            assertEquals("supabase/migrations/20240103000000_consolidated_baseline.sql", baseline.path());
            assertEquals("supabase/migrations_archive", baseline.archiveFolder());

            String baselineSql = "-- baseline\nCREATE TABLE a (id int);\n\nCREATE TABLE b (id int);\nCREATE INDEX b_id ON b (id);\n";
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, baselineSql.getBytes(StandardCharsets.UTF_8),
                    local, before, TestProject.CLOCK, TestProject.IDS));
            assertEquals(3, change.retire().size());
            TestProject.apply(db, change);
            project.archive(local, baseline.archiveFolder());
            project.file(baseline.path(), baselineSql);

            HistorySnapshot after = TestProject.read(adapter, db);
            assertEquals(1, after.rows().size());
            assertEquals("{\"version\":\"20240103000000\",\"statements\":[\"-- baseline\\nCREATE TABLE a (id int)\",\"CREATE TABLE b (id int)\","
                    + "\"CREATE INDEX b_id ON b (id)\"],\"name\":\"consolidated_baseline\",\"created_by\":null,\"idempotency_key\":null}",
                    after.rows().get(0).json());
            MigrationSet afterLocal = adapter.discover(dir, Path.of("supabase/migrations"));
            assertEquals(List.of(), adapter.toolView(afterLocal, after));

            TestProject.undo(db, change);
            assertEquals(TestProject.rowsJson(before), TestProject.rowsJson(TestProject.read(adapter, db)));
            TestProject.undo(db, change);
            assertEquals(TestProject.rowsJson(before), TestProject.rowsJson(TestProject.read(adapter, db)), "undo is idempotent");
        }
    }

    @Test
    void createsTheTableAsTheCliWouldAndUndoRemovesIt() throws Exception {
        project();
        try (ScratchDatabase db = TestPostgres.server().create("supabase create")) {
            MigrationSet local = adapter.discover(dir, Path.of("supabase/migrations"));
            HistorySnapshot before = TestProject.read(adapter, db);
            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(local, before, local.folder(), "squashed", TestProject.CLOCK));
            assertEquals("20240103000000", baseline.version(), "no rows: the newest local version");
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, "SELECT 1;".getBytes(StandardCharsets.UTF_8),
                    local, before, TestProject.CLOCK, TestProject.IDS));
            TestProject.apply(db, change);
            HistorySnapshot after = TestProject.read(adapter, db);
            assertEquals(List.of("version", "statements", "name"), after.columns().stream().map(HistoryColumn::name).toList());
            assertEquals("{\"version\":\"20240103000000\",\"statements\":[\"SELECT 1\"],\"name\":\"squashed\"}", after.rows().get(0).json());
            TestProject.undo(db, change);
            HistorySnapshot undone = TestProject.read(adapter, db);
            assertFalse(undone.present());
            assertFalse(undone.schemaPresent(), "the schema the change created is gone too");
        }
    }

    @Test
    void applyRefusesWhenTheTableChangedSinceThePlan() throws Exception {
        project();
        try (ScratchDatabase db = TestPostgres.server().create("supabase stale")) {
            TestProject.sql(db, "CREATE SCHEMA supabase_migrations",
                    "CREATE TABLE supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY, statements text[], name text)",
                    "INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES ('20240101000000', 'create_a'),"
                            + " ('20240102000000', 'create_b'), ('20240103000000', 'index_b')");
            MigrationSet local = adapter.discover(dir, Path.of("supabase/migrations"));
            HistorySnapshot before = TestProject.read(adapter, db);
            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(local, before, local.folder(), null, TestProject.CLOCK));
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, "SELECT 1;".getBytes(StandardCharsets.UTF_8),
                    local, before, TestProject.CLOCK, TestProject.IDS));
            TestProject.sql(db, "UPDATE supabase_migrations.schema_migrations SET name = 'renamed' WHERE version = '20240102000000'");
            Problem p = assertThrows(Problem.class, () -> TestProject.apply(db, change));
            assertEquals(ExitCode.PRECONDITION, p.exitCode());
            assertEquals(3, TestProject.read(adapter, db).rows().size(), "the failed transaction changed nothing");
        }
    }
}
