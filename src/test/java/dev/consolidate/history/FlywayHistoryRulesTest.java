package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway's special rows, each checked against what the real Flyway says. */
class FlywayHistoryRulesTest {
    private static final String FOLDER = "db/migration";
    private final FlywayAdapter adapter = new FlywayAdapter();

    @TempDir
    Path dir;

    @Test
    void aDatabaseBuiltFromABaselineMigrationCountsOlderVersionsApplied() throws Exception {
        TestProject project = new TestProject(dir)
                .file(FOLDER + "/V1__a.sql", "CREATE TABLE a (id int);\n")
                .file(FOLDER + "/V1_1__b.sql", "CREATE TABLE b (id int);\n")
                .file(FOLDER + "/B1_1__base.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n")
                .file(FOLDER + "/V2__c.sql", "CREATE TABLE c (id int);\n");
        try (ScratchDatabase db = TestPostgres.server().create("flyway b migration")) {
            flyway(db, null).migrate();
            MigrationSet local = adapter.discover(dir, Path.of(FOLDER));
            HistorySnapshot before = TestProject.read(adapter, db);
            assertEquals(List.of("SQL_BASELINE", "SQL"), before.rows().stream().map(HistoryRow::type).toList());
            Classification c = adapter.classify(local, before);
            assertTrue(c.allApplied(), c.entries().toString());
            assertTrue(flyway(db, null).validateWithResult().validationSuccessful);
            assertEquals(List.of(), adapter.toolView(local, before));

            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(local, before, local.folder(), null, TestProject.CLOCK));
            assertEquals("2", baseline.version());
            String file = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id int);\n";
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, file.getBytes(StandardCharsets.UTF_8),
                    local, before, TestProject.CLOCK, TestProject.IDS));
            TestProject.apply(db, change);
            project.archive(local, baseline.archiveFolder());
            project.file(baseline.path(), file);
            ValidateResult result = flyway(db, null).validateWithResult();
            assertTrue(result.validationSuccessful, result.getAllErrorMessages());
            assertEquals(0, flyway(db, null).info().pending().length);
            assertEquals(List.of(), adapter.toolView(adapter.discover(dir, Path.of(FOLDER)), TestProject.read(adapter, db)));
        }
    }

    @Test
    void schemaCreationRowsStayAndFailedRowsAreFailures() throws Exception {
        TestProject project = new TestProject(dir)
                .file(FOLDER + "/V1__a.sql", "CREATE TABLE a (id int);\n")
                .file(FOLDER + "/V2__b.sql", "CREATE TABLE b (id int);\n");
        try (ScratchDatabase db = TestPostgres.server().create("flyway schema row")) {
            flyway(db, "app").migrate();
            HistoryTable table = new HistoryTable("app", "flyway_schema_history");
            MigrationSet local = adapter.discover(dir, Path.of(FOLDER));
            HistorySnapshot before = read(db, table);
            assertEquals(RowKind.SCHEMA_MARKER, before.rows().get(0).kind());
            assertEquals("0", before.rows().get(0).key());
            Classification c = adapter.classify(local, before);
            assertTrue(c.allApplied(), c.entries().toString());
            assertTrue(c.notes().stream().anyMatch(n -> n.contains("schemas Flyway created")), c.notes().toString());

            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(local, before, local.folder(), null, TestProject.CLOCK));
            String file = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, file.getBytes(StandardCharsets.UTF_8),
                    local, before, TestProject.CLOCK, TestProject.IDS));
            TestProject.apply(db, change);
            project.archive(local, baseline.archiveFolder());
            project.file(baseline.path(), file);
            ValidateResult result = flyway(db, "app").validateWithResult();
            assertTrue(result.validationSuccessful, result.getAllErrorMessages());
            assertEquals(RowKind.SCHEMA_MARKER, read(db, table).rows().get(0).kind(), "the schema row is Flyway's, left alone");
            TestProject.undo(db, change);
            assertEquals(TestProject.rowsJson(before), TestProject.rowsJson(read(db, table)));

            TestProject.sql(db, "UPDATE app.flyway_schema_history SET success = false WHERE version = '2'");
            project.archive(adapter.discover(dir, Path.of(FOLDER)), "db/elsewhere");
            project.file(FOLDER + "/V1__a.sql", "CREATE TABLE a (id int);\n").file(FOLDER + "/V2__b.sql", "CREATE TABLE b (id int);\n");
            local = adapter.discover(dir, Path.of(FOLDER));
            assertEquals(MigrationState.FAILED, adapter.classify(local, read(db, table)).entries().get(1).state());
            assertTrue(!flyway(db, "app").validateWithResult().validationSuccessful, "Flyway refuses too");
        }
    }

    private HistorySnapshot read(ScratchDatabase db, HistoryTable table) throws Exception {
        try (Connection c = db.connect()) {
            c.setReadOnly(true);
            return adapter.readHistory(c, table);
        }
    }

    private Flyway flyway(ScratchDatabase db, String schema) {
        var config = Flyway.configure().dataSource(db.jdbcUrl(), db.credentials().getProperty("user"), db.credentials().getProperty("password"))
                .locations("filesystem:" + dir.resolve(FOLDER));
        if (schema != null) {
            config = config.schemas(schema);
        }
        return config.load();
    }
}
