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
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayAdapterTest {
    private static final String FOLDER = "db/migration";
    private final FlywayAdapter adapter = new FlywayAdapter();

    @TempDir
    Path dir;

    @Test
    void checksumIsFlywaysCrc32OverLines() {
        assertEquals(1112353363, FlywayChecksum.of("CREATE TABLE a (id int PRIMARY KEY);\n"));
        assertEquals(1112353363, FlywayChecksum.of("\uFEFFCREATE TABLE a (id int PRIMARY KEY);\r\n"));
        assertEquals(FlywayChecksum.of("a\nb"), FlywayChecksum.of("a\r\nb\r"));
    }

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertTrue(FlywayVersion.parse("1.10").compareTo(FlywayVersion.parse("1.9")) > 0);
        assertTrue(FlywayVersion.parse("10").compareTo(FlywayVersion.parse("9")) > 0);
        assertEquals(FlywayVersion.parse("1"), FlywayVersion.parse("1.0"));
        assertEquals(FlywayVersion.parse("1").hashCode(), FlywayVersion.parse("1.0.0").hashCode());
        assertEquals("1.1", FlywayVersion.parse("1_1").toString());
        assertEquals("01", FlywayVersion.parse("01").toString());
    }

    @Test
    void discoversVersionedThenRepeatablesAndIgnoresWhatFlywayIgnores() {
        new TestProject(dir)
                .file(FOLDER + "/V9__nine.sql", "SELECT 9;")
                .file(FOLDER + "/V10__ten.sql", "SELECT 10;")
                .file(FOLDER + "/V1.9__one_nine.sql", "SELECT 19;")
                .file(FOLDER + "/sub/V1_10__one_ten.sql", "SELECT 110;")
                .file(FOLDER + "/R__b_view.sql", "SELECT 'b';")
                .file(FOLDER + "/R__a_view.sql", "SELECT 'a';")
                .file(FOLDER + "/B9__base.sql", "SELECT 'base';")
                .file(FOLDER + "/V57__readme.md", "text")
                .file(FOLDER + "/V1a__bad.sql", "x")
                .file(FOLDER + "/R1__bad.sql", "x")
                .file(FOLDER + "/U9__undo.sql", "x")
                .file(FOLDER + "/V11_nodesc.sql", "x");
        MigrationSet set = adapter.discover(dir, Path.of(FOLDER));
        assertEquals(List.of("1.9", "1.10", "9", "9", "10", "R:a view", "R:b view"),
                set.migrations().stream().map(m -> m.version() == null ? "R:" + m.description() : m.version()).toList());
        assertEquals(MigrationKind.BASELINE, set.migrations().get(2).kind());
        assertEquals("db/migration/sub/V1_10__one_ten.sql", set.migrations().get(1).path());
        assertEquals("one ten", set.migrations().get(1).description());
        assertEquals(List.of("db/migration/R1__bad.sql", "db/migration/U9__undo.sql", "db/migration/V11_nodesc.sql",
                        "db/migration/V1a__bad.sql", "db/migration/V57__readme.md"),
                set.ignored().stream().map(IgnoredFile::path).toList());
    }

    @Test
    void versionsEqualForFlywayAreDuplicates() {
        new TestProject(dir).file(FOLDER + "/V1__a.sql", "SELECT 1;").file(FOLDER + "/V1.0__b.sql", "SELECT 2;");
        Problem p = assertThrows(Problem.class, () -> adapter.discover(dir, Path.of(FOLDER)));
        assertTrue(p.what().contains("V1.0__b.sql") && p.what().contains("V1__a.sql"), p.what());
    }

    @Test
    void agreesWithFlywayOnChecksumsAndState() throws Exception {
        TestProject project = standardProject();
        try (ScratchDatabase db = TestPostgres.server().create("flyway agree")) {
            flyway(db).migrate();
            MigrationSet local = adapter.discover(dir, Path.of(FOLDER));
            HistorySnapshot history = TestProject.read(adapter, db);
            Classification c = adapter.classify(local, history);
            assertTrue(c.allApplied(), c.toString());
            for (MigrationStatus s : c.entries()) {
                assertEquals(s.row().checksum(), s.migration().checksum(), "our checksum is the one Flyway stored for " + s.label());
            }
            project.file(FOLDER + "/V2__two.sql", "CREATE TABLE two (id int, extra int);\n");
            project.file(FOLDER + "/V3__three.sql", "CREATE TABLE three (id int);\n");
            local = adapter.discover(dir, Path.of(FOLDER));
            c = adapter.classify(local, history);
            assertEquals(MigrationState.CHANGED, c.entries().get(2).state());
            assertEquals(MigrationState.PENDING, c.entries().get(3).state());
            assertFalse(flyway(db).validateWithResult().validationSuccessful, "Flyway sees the same problems");
            assertEquals(2, adapter.toolView(local, history).size());
        }
    }

    @Test
    void afterTheHistoryChangeFlywayValidatesAndHasNothingPending() throws Exception {
        TestProject project = standardProject();
        try (ScratchDatabase db = TestPostgres.server().create("flyway consolidate");
             ScratchDatabase twin = TestPostgres.server().create("flyway repaired")) {
            flyway(db).migrate();
            flyway(twin).migrate();
            MigrationSet local = adapter.discover(dir, Path.of(FOLDER));
            HistorySnapshot before = TestProject.read(adapter, db);
            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(local, before, local.folder(), null, TestProject.CLOCK));
            assertEquals("2", baseline.version());
            assertEquals("db/migration/V2__consolidated_baseline.sql", baseline.path());
            assertEquals("consolidated baseline", baseline.name());
            assertEquals("db/migration_archive", baseline.archiveFolder());

            String file = "CREATE TABLE one (id int);\nCREATE TABLE one_one (id int);\nCREATE TABLE two (id int);\n"
                    + "CREATE OR REPLACE VIEW v AS SELECT 1 AS x;\n";
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, file.getBytes(StandardCharsets.UTF_8),
                    local, before, TestProject.CLOCK, TestProject.IDS));
            assertEquals(1, change.updates().size());
            assertEquals(3, change.inserts().size(), "DELETE rows for 1, 1.1 and the repeatable");
            TestProject.apply(db, change);
            project.archive(local, baseline.archiveFolder());
            project.file(baseline.path(), file);

            ValidateResult result = flyway(db).validateWithResult();
            assertTrue(result.validationSuccessful, result.getAllErrorMessages());
            assertEquals(0, flyway(db).info().pending().length);
            MigrationSet afterLocal = adapter.discover(dir, Path.of(FOLDER));
            assertEquals(List.of(), adapter.toolView(afterLocal, TestProject.read(adapter, db)));
            flyway(twin).repair();
            assertEquals(withoutInstalledOn(TestProject.read(adapter, twin)), withoutInstalledOn(TestProject.read(adapter, db)),
                    "the rows are those flyway repair writes");
            List<String> applied = TestProject.rowsJson(TestProject.read(adapter, db));
            assertEquals(7, applied.size(), "4 rows, then 3 DELETE rows");
            flyway(db).migrate();
            assertEquals(applied, TestProject.rowsJson(TestProject.read(adapter, db)), "migrate ran nothing");

            TestProject.undo(db, change);
            assertEquals(TestProject.rowsJson(before), TestProject.rowsJson(TestProject.read(adapter, db)));
        }
    }

    @Test
    void aBaselineMarkerStaysAndValidateStaysGreen() throws Exception {
        TestProject project = new TestProject(dir)
                .file(FOLDER + "/V2__two.sql", "CREATE TABLE two (id int);\n")
                .file(FOLDER + "/V3__three.sql", "CREATE TABLE three (id int);\n");
        try (ScratchDatabase db = TestPostgres.server().create("flyway marker")) {
            Flyway.configure().dataSource(db.jdbcUrl(), user(db), password(db)).locations("filesystem:" + dir.resolve(FOLDER))
                    .baselineOnMigrate(true).baselineVersion("1").load().migrate();
            TestProject.sql(db, "CREATE TABLE before_baseline (id int)");
            MigrationSet local = adapter.discover(dir, Path.of(FOLDER));
            HistorySnapshot before = TestProject.read(adapter, db);
            assertTrue(adapter.classify(local, before).allApplied());
            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(local, before, local.folder(), "squashed", TestProject.CLOCK));
            assertEquals("db/migration/V3__squashed.sql", baseline.path());
            String file = "CREATE TABLE two (id int);\nCREATE TABLE three (id int);\n";
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, file.getBytes(StandardCharsets.UTF_8),
                    local, before, TestProject.CLOCK, TestProject.IDS));
            TestProject.apply(db, change);
            project.archive(local, baseline.archiveFolder());
            project.file(baseline.path(), file);
            ValidateResult result = flyway(db).validateWithResult();
            assertTrue(result.validationSuccessful, result.getAllErrorMessages());
            assertEquals(0, flyway(db).info().pending().length);
            assertEquals(List.of(), adapter.toolView(adapter.discover(dir, Path.of(FOLDER)), TestProject.read(adapter, db)));
        }
    }

    @Test
    void convertingIntoFlywayCreatesItsTableAsFlywayWould() throws Exception {
        new TestProject(dir).file("sql/001_a.sql", "CREATE TABLE a (id int);\n");
        MigrationSet legacy = new PlainSqlAdapter().discover(dir, Path.of("sql"));
        try (ScratchDatabase db = TestPostgres.server().create("flyway convert")) {
            HistorySnapshot before = TestProject.read(adapter, db);
            assertFalse(before.present());
            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(legacy, before, FOLDER, null, TestProject.CLOCK));
            assertEquals("db/migration/V1__consolidated_baseline.sql", baseline.path());
            String file = "CREATE TABLE a (id int);\n";
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, file.getBytes(StandardCharsets.UTF_8),
                    legacy, before, TestProject.CLOCK, TestProject.IDS));
            TestProject.apply(db, change);
            new TestProject(dir).file(baseline.path(), file);
            ValidateResult result = flyway(db).validateWithResult();
            assertTrue(result.validationSuccessful, result.getAllErrorMessages());
            assertEquals(0, flyway(db).info().pending().length);
            TestProject.undo(db, change);
            assertFalse(TestProject.read(adapter, db).present());
        }
    }

    /** Rows without what differs between two databases migrated separately: when and how long each migration ran. */
    private static List<String> withoutInstalledOn(HistorySnapshot s) {
        return s.rows().stream().map(r -> r.json().replaceAll("\"installed_on\":\"[^\"]*\",", "")
                .replaceAll("\"execution_time\":\\d+", "\"execution_time\":_")).toList();
    }

    private TestProject standardProject() {
        return new TestProject(dir)
                .file(FOLDER + "/V1__one.sql", "CREATE TABLE one (id int);\n")
                .file(FOLDER + "/sub/V1_1__one_one.sql", "CREATE TABLE one_one (id int);\r\n")
                .file(FOLDER + "/V2__two.sql", "\uFEFFCREATE TABLE two (id int);\n")
                .file(FOLDER + "/R__v.sql", "CREATE OR REPLACE VIEW v AS SELECT 1 AS x;\n");
    }

    private Flyway flyway(ScratchDatabase db) {
        return Flyway.configure().dataSource(db.jdbcUrl(), user(db), password(db))
                .locations("filesystem:" + dir.resolve(FOLDER)).load();
    }

    private static String user(ScratchDatabase db) {
        return db.credentials().getProperty("user");
    }

    private static String password(ScratchDatabase db) {
        Properties p = db.credentials();
        return p.getProperty("password");
    }
}
