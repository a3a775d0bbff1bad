package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbmateAdapterTest {
    private final DbmateAdapter adapter = new DbmateAdapter();

    @TempDir
    Path dir;

    private TestProject project() {
        return new TestProject(dir)
                .file("db/migrations/20240101000000_create_a.sql", "-- a comment first is fine\n\n-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\nDROP TABLE a;\n")
                .file("db/migrations/20240102000000_index.sql.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n-- migrate:down\nDROP INDEX a_id;\n")
                .file("db/migrations/20240103000000_b.sql", "--migrate:up\nCREATE TABLE b (id int);\n");
    }

    @Test
    void readsUpSectionsOptionsAndDoubleExtensions() {
        project();
        MigrationSet set = adapter.discover(dir, Path.of("db/migrations"));
        assertEquals(List.of("20240101000000", "20240102000000", "20240103000000"), set.migrations().stream().map(Migration::version).toList());
        Migration a = set.migrations().get(0);
        assertEquals("-- migrate:up\nCREATE TABLE a (id int);\n\n", a.sql());
        assertEquals(3, a.sqlStartLine());
        assertTrue(a.transactional());
        Migration index = set.migrations().get(1);
        assertEquals("index.sql", index.description());
        assertFalse(index.transactional());
        assertEquals("--migrate:up\nCREATE TABLE b (id int);\n", set.migrations().get(2).sql(), "no down section: up runs to the end");
    }

    @Test
    void refusesFilesDbmateRefuses() {
        for (String bad : List.of("CREATE TABLE x (id int);\n-- migrate:up\nSELECT 1;\n-- migrate:down\n",
                "-- migrate:down\nSELECT 1;\n-- migrate:up\nSELECT 2;\n", "SELECT 1;\n")) {
            project().file("db/migrations/20240104000000_bad.sql", bad);
            Problem p = assertThrows(Problem.class, () -> adapter.discover(dir, Path.of("db/migrations")));
            assertTrue(p.what().startsWith("db/migrations/20240104000000_bad.sql "), p.what());
        }
    }

    @Test
    void theNewestAppliedRowIsAlreadyTheBaselineRow() throws Exception {
        TestProject project = project();
        try (ScratchDatabase db = TestPostgres.server().create("dbmate")) {
            TestProject.sql(db, "CREATE TABLE schema_migrations (version varchar(255) primary key)",
                    "INSERT INTO schema_migrations VALUES ('20240101000000'), ('20240102000000'), ('20231201000000')");
            MigrationSet local = adapter.discover(dir, Path.of("db/migrations"));
            HistorySnapshot before = TestProject.read(adapter, db);
            assertEquals("public", before.table().schema());
            Classification c = adapter.classify(local, before);
            assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING, MigrationState.MISSING_LOCALLY),
                    c.entries().stream().map(MigrationStatus::state).toList());
            assertEquals(List.of("db/migrations/20240103000000_b.sql: pending"), adapter.toolView(local, before),
                    "dbmate ignores rows without a file");
            TestProject.sql(db, "INSERT INTO schema_migrations VALUES ('20240103000000')");
            before = TestProject.read(adapter, db);
            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(local, before, local.folder(), null, TestProject.CLOCK));
            assertEquals("db/migrations/20240103000000_consolidated_baseline.sql", baseline.path());
            String text = adapter.baselineFileText("CREATE TABLE a (id int);");
            assertEquals("-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\n", text);
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, text.getBytes(StandardCharsets.UTF_8),
                    local, before, TestProject.CLOCK, TestProject.IDS));
            assertTrue(change.isEmpty());
            project.archive(local, baseline.archiveFolder());
            project.file(baseline.path(), text);
            assertEquals(List.of(), adapter.toolView(adapter.discover(dir, Path.of("db/migrations")), TestProject.read(adapter, db)));
        }
    }

    @Test
    void anAbsentTableIsCreatedAsDbmateDoesAndUndoDropsIt() throws Exception {
        new TestProject(dir).file("legacy/001_a.sql", "CREATE TABLE a (id int);\n");
        MigrationSet legacy = new PlainSqlAdapter().discover(dir, Path.of("legacy"));
        try (ScratchDatabase db = TestPostgres.server().create("dbmate create")) {
            HistorySnapshot before = TestProject.read(adapter, db);
            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(legacy, before, "db/migrations", null, TestProject.CLOCK));
            assertEquals("20250904011005", baseline.version());
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, new byte[0], legacy, before,
                    TestProject.CLOCK, TestProject.IDS));
            TestProject.apply(db, change);
            HistorySnapshot after = TestProject.read(adapter, db);
            assertEquals(List.of(new HistoryColumn("version", "character varying")), after.columns());
            assertEquals(List.of("{\"version\":\"20250904011005\"}"), TestProject.rowsJson(after));
            TestProject.undo(db, change);
            assertFalse(TestProject.read(adapter, db).present());
        }
    }
}
