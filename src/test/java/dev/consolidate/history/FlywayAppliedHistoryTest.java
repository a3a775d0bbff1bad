package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.Catalogs;
import dev.consolidate.testsupport.Productions;
import dev.consolidate.testsupport.Projects;
import dev.consolidate.testsupport.Projects.Project;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Record as applied" for Flyway, judged by Flyway itself: a twin database migrated by the real
 * Flyway holds, row for row and column for column (installed_on and execution_time aside: they
 * are the clock's), the history our rows give, and Flyway validates ours.
 */
class FlywayAppliedHistoryTest {
    private final FlywayAdapter adapter = new FlywayAdapter();

    @TempDir
    Path dir;

    @Test
    void aReplayedProductionHoldsTheRowsAndTheTableFlywayMigrateLeaves() throws Exception {
        Project project = Projects.flyway(dir);
        try (Productions.Fixture ours = Productions.of(project);
             ScratchDatabase twin = TestPostgres.server().create("flyway twin")) {
            flyway(twin, project, null).migrate();
            HistoryTable table = new HistoryTable("public", "flyway_schema_history");
            try (Connection o = ours.connect(); Connection t = twin.connect()) {
                assertEquals(rows(t, table), rows(o, table));
                assertEquals(4, rows(o, table).size());
                assertEquals(TestProject.tableShape(t, table), TestProject.tableShape(o, table));
                assertEquals(Catalogs.fingerprint(t), Catalogs.fingerprint(o), "the replay built what Flyway built");
            }
            ValidateResult result = flyway(ours.database(), project, null).validateWithResult();
            assertTrue(result.validationSuccessful, result.getAllErrorMessages());
            assertEquals(0, flyway(ours.database(), project, null).info().pending().length);
            HistorySnapshot history = ours.readHistory();
            assertTrue(adapter.classify(ours.migrations(), history).allApplied());
            assertEquals(List.of(), adapter.toolView(ours.migrations(), history));
        }
    }

    @Test
    void aSchemaFlywayCreatesGetsItsRowAndABaselineMigrationStandsForTheVersionsBelowIt() throws Exception {
        Project project = new Project(dir, Tool.FLYWAY, "db/migration")
                .file("db/migration/V1__a.sql", "CREATE TABLE a (id int);\n")
                .file("db/migration/V1_1__b.sql", "CREATE TABLE b (id int);\n")
                .file("db/migration/B1_1__base.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n")
                .file("db/migration/more/V2__c_in_a_sub_folder.sql", "CREATE TABLE c (id int);\n")
                .file("db/migration/R__b_view.sql", "CREATE OR REPLACE VIEW b_ids AS SELECT id FROM b;\n");
        HistoryTable table = new HistoryTable("app", "flyway_schema_history");
        try (ScratchDatabase ours = TestPostgres.server().create("flyway ours schema");
             ScratchDatabase twin = TestPostgres.server().create("flyway twin schema")) {
            flyway(twin, project, "app").migrate();
            HistorySnapshot before = read(ours, table);
            assertTrue(!before.present() && !before.schemaPresent());
            HistoryChange change = adapter.appliedHistory(project.migrations(), before, TestProject.CLOCK, TestProject.IDS);
            TestProject.apply(ours, change);
            try (Connection o = ours.connect(); Connection t = twin.connect()) {
                List<String> expected = rows(t, table);
                assertEquals(expected, rows(o, table));
                assertEquals(List.of("SCHEMA", "SQL_BASELINE", "SQL", "SQL"), types(expected), expected.toString());
                assertEquals(TestProject.tableShape(t, table), TestProject.tableShape(o, table));
            }
            ValidateResult result = flyway(ours, project, "app").validateWithResult();
            assertTrue(result.validationSuccessful, result.getAllErrorMessages());
            assertTrue(adapter.classify(project.migrations(), read(ours, table)).allApplied());
            TestProject.undo(ours, change);
            assertTrue(!read(ours, table).schemaPresent(), "undo drops the table and the schema it created");
        }
    }

    @Test
    void rowsAlreadyThereStayRanksCountOnAndAnEditedRepeatableRunsAgain() throws Exception {
        Project project = Projects.flyway(dir);
        HistoryTable table = new HistoryTable("public", "flyway_schema_history");
        try (ScratchDatabase ours = TestPostgres.server().create("flyway ours partial");
             ScratchDatabase twin = TestPostgres.server().create("flyway twin partial")) {
            // A target stops the versions at 1.1; the repeatable runs anyway.
            flyway(ours, project, null, "1.1").migrate();
            flyway(twin, project, null, "1.1").migrate();
            // An edited repeatable runs again, after the versioned migrations.
            project.file(project.folder() + "/R__note_counts_view.sql",
                    "CREATE OR REPLACE VIEW note_counts AS\nSELECT account_id, count(*) AS notes, max(updated_at) AS last FROM notes"
                            + " GROUP BY account_id;\n");
            HistorySnapshot before = read(ours, table);
            assertEquals(3, before.rows().size());
            HistoryChange change = adapter.appliedHistory(project.migrations(), before, TestProject.CLOCK, TestProject.IDS);
            assertTrue(change.create().isEmpty());
            assertEquals(2, change.inserts().size(), change.inserts().toString());
            TestProject.apply(ours, change);
            flyway(twin, project, null).migrate();
            try (Connection o = ours.connect(); Connection t = twin.connect()) {
                assertEquals(rows(t, table), rows(o, table));
            }
        }
    }

    @Test
    void aPendingVersionOlderThanTheNewestAppliedIsRefusedAsFlywayRefusesIt() throws Exception {
        Project project = Projects.flyway(dir);
        try (ScratchDatabase db = TestPostgres.server().create("flyway out of order")) {
            flyway(db, project, null).migrate();
            project.file(project.folder() + "/V1.05__late.sql", "CREATE TABLE late (id int);\n");
            HistorySnapshot before = read(db, new HistoryTable("public", "flyway_schema_history"));
            Problem p = assertThrows(Problem.class,
                    () -> adapter.appliedHistory(project.migrations(), before, TestProject.CLOCK, TestProject.IDS));
            assertTrue(p.getMessage().contains("V1.05__late.sql"), p.getMessage());
            assertThrows(FlywayException.class, () -> flyway(db, project, null).migrate(), "Flyway itself refuses");
        }
    }

    /** Every row as JSON without the two columns that record when and how long: they differ by nature. */
    private static List<String> rows(Connection c, HistoryTable table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT (to_jsonb(t) - 'installed_on' - 'execution_time')::text FROM "
                + table.qualified() + " t ORDER BY installed_rank");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> types(List<String> rows) {
        return rows.stream().map(r -> r.replaceAll(".*\"type\": \"([A-Z_]+)\".*", "$1")).toList();
    }

    private HistorySnapshot read(ScratchDatabase db, HistoryTable table) throws SQLException {
        try (Connection c = db.connect()) {
            c.setReadOnly(true);
            return adapter.readHistory(c, table);
        }
    }

    private static Flyway flyway(ScratchDatabase db, Project project, String schema) {
        return flyway(db, project, schema, null);
    }

    private static Flyway flyway(ScratchDatabase db, Project project, String schema, String target) {
        var config = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.credentials().getProperty("user"), db.credentials().getProperty("password"))
                .locations("filesystem:" + project.folderPath());
        if (schema != null) {
            config = config.schemas(schema);
        }
        if (target != null) {
            config = config.target(target);
        }
        return config.load();
    }
}
