package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GolangMigrateAdapterTest {
    private final GolangMigrateAdapter adapter = new GolangMigrateAdapter();

    @TempDir
    Path dir;

    private TestProject project() {
        return new TestProject(dir)
                .file("migrations/000009_nine.up.sql", "CREATE TABLE nine (id int);")
                .file("migrations/000009_nine.down.sql", "DROP TABLE nine;")
                .file("migrations/000010_ten.up.sql", "CREATE TABLE ten (id int);")
                .file("migrations/000002_two.up.sql", "CREATE TABLE two (id int);")
                .file("migrations/000011_eleven.up.json", "{}");
    }

    @Test
    void upFilesOnlyInNumericOrder() {
        project();
        MigrationSet set = adapter.discover(dir, Path.of("migrations"));
        assertEquals(List.of("2", "9", "10"), set.migrations().stream().map(Migration::version).toList());
        assertEquals(List.of("a down migration", "not an .up.sql file"), set.ignored().stream().map(IgnoredFile::reason).toList());
        project().file("migrations/9_nine_again.up.sql", "SELECT 1;");
        Problem p = assertThrows(Problem.class, () -> adapter.discover(dir, Path.of("migrations")));
        assertTrue(p.what().contains("000009_nine.up.sql") && p.what().contains("9_nine_again.up.sql"), p.what());
    }

    @Test
    void everythingUpToTheRecordedVersionIsApplied() throws Exception {
        TestProject project = project();
        try (ScratchDatabase db = TestPostgres.server().create("golang migrate")) {
            TestProject.sql(db, "CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null)",
                    "INSERT INTO schema_migrations VALUES (9, false)");
            MigrationSet local = adapter.discover(dir, Path.of("migrations"));
            HistorySnapshot history = TestProject.read(adapter, db);
            assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING),
                    adapter.classify(local, history).entries().stream().map(MigrationStatus::state).toList());
            TestProject.sql(db, "UPDATE schema_migrations SET dirty = true");
            assertEquals(MigrationState.FAILED, adapter.classify(local, TestProject.read(adapter, db)).entries().get(1).state());
            TestProject.sql(db, "UPDATE schema_migrations SET version = 7, dirty = false");
            Classification c = adapter.classify(local, TestProject.read(adapter, db));
            assertEquals(MigrationState.MISSING_LOCALLY, c.entries().get(3).state(), "7 has no file: migrate up fails");

            TestProject.sql(db, "UPDATE schema_migrations SET version = 10");
            HistorySnapshot before = TestProject.read(adapter, db);
            assertTrue(adapter.classify(local, before).allApplied());
            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(local, before, local.folder(), null, TestProject.CLOCK));
            assertEquals("10", baseline.version());
            assertEquals("migrations/000010_consolidated_baseline.up.sql", baseline.path(), "the recorded version, padded as its file was");
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, new byte[0], local, before,
                    TestProject.CLOCK, TestProject.IDS));
            assertTrue(change.isEmpty());
            project.archive(local, baseline.archiveFolder());
            project.file(baseline.path(), "CREATE TABLE two (id int);");
            assertEquals(List.of(), adapter.toolView(adapter.discover(dir, Path.of("migrations")), before));
        }
    }

    @Test
    void aDifferentRecordedVersionIsForcedAndUndoPutsItBack() throws Exception {
        new TestProject(dir).file("legacy/1_a.sql", "CREATE TABLE a (id int);");
        MigrationSet legacy = new PlainSqlAdapter().discover(dir, Path.of("legacy"));
        try (ScratchDatabase db = TestPostgres.server().create("golang force")) {
            TestProject.sql(db, "CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null)",
                    "INSERT INTO schema_migrations VALUES (3, false)");
            HistorySnapshot before = TestProject.read(adapter, db);
            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(legacy, before, "migrations", null, TestProject.CLOCK));
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, new byte[0], legacy, before,
                    TestProject.CLOCK, TestProject.IDS));
            TestProject.apply(db, change);
            assertEquals(List.of("{\"version\":20250904011005,\"dirty\":false}"), TestProject.rowsJson(TestProject.read(adapter, db)));
            TestProject.undo(db, change);
            assertEquals(TestProject.rowsJson(before), TestProject.rowsJson(TestProject.read(adapter, db)));
        }
    }
}
