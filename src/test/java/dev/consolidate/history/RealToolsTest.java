package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.replay.EnvironmentSetup;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.Catalogs;
import dev.consolidate.testsupport.Productions;
import dev.consolidate.testsupport.Projects;
import dev.consolidate.testsupport.Projects.Project;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools' own binaries applying the history and judging our change, and applying a history
 * whose rows our "record as applied" must equal. Skipped where the binaries are absent
 * (-Dconsolidate.toolBin or -Dconsolidate.installTools=true, see {@link ToolBinary}).
 */
class RealToolsTest {
    @TempDir
    Path dir;

    @Test
    void supabaseCliWritesTheSameBaselineRowAndSaysUpToDate() throws Exception {
        ToolBinary supabase = ToolBinary.require("supabase");
        SupabaseAdapter adapter = new SupabaseAdapter(new SqlSplitter());
        TestProject project = new TestProject(dir)
                .file("supabase/migrations/20240101000000_create_a.sql", "-- a\ncreate table a (id int);\n")
                .file("supabase/migrations/20240102000000_create_b.sql", "create table b (id int);\ncreate index b_id on b (id);\n");
        try (ScratchDatabase ours = TestPostgres.server().create("supabase cli ours");
             ScratchDatabase cli = TestPostgres.server().create("supabase cli repair")) {
            for (ScratchDatabase db : List.of(ours, cli)) {
                supabase.succeed(dir, "db", "push", "--db-url", ToolBinary.url(db), "--yes");
            }
            MigrationSet local = adapter.discover(dir, Path.of("supabase/migrations"));
            HistorySnapshot before = TestProject.read(adapter, ours);
            assertEquals(List.of("{\"version\":\"20240101000000\",\"statements\":[\"-- a\\ncreate table a (id int)\"],\"name\":\"create_a\"}",
                    "{\"version\":\"20240102000000\",\"statements\":[\"create table b (id int)\",\"create index b_id on b (id)\"],\"name\":\"create_b\"}"),
                    TestProject.rowsJson(before), "the CLI's own rows, statements split as splitKeepingComments does");
            assertTrue(adapter.classify(local, before).allApplied());

            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(local, before, local.folder(), null, TestProject.CLOCK));
            String file = "-- consolidated\ncreate table a (id int);\n\ncreate table b (id int);\ncreate index b_id on b (id);\n";
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, file.getBytes(StandardCharsets.UTF_8),
                    local, before, TestProject.CLOCK, TestProject.IDS));
            TestProject.apply(ours, change);
            project.archive(local, baseline.archiveFolder());
            project.file(baseline.path(), file);

            String cliUrl = ToolBinary.url(cli);
            supabase.succeed(dir, "migration", "repair", "--status", "reverted", "20240101000000", "20240102000000",
                    "--db-url", cliUrl, "--yes");
            supabase.succeed(dir, "migration", "repair", "--status", "applied", baseline.version(), "--db-url", cliUrl, "--yes");
            assertEquals(TestProject.rowsJson(TestProject.read(adapter, cli)), TestProject.rowsJson(TestProject.read(adapter, ours)),
                    "our rows are the ones migration repair writes");

            String dryRun = supabase.succeed(dir, "db", "push", "--dry-run", "--db-url", ToolBinary.url(ours));
            assertTrue(dryRun.contains("Remote database is up to date"), dryRun);
            assertEquals(List.of(), adapter.toolView(adapter.discover(dir, Path.of("supabase/migrations")), TestProject.read(adapter, ours)));
        }
    }

    @Test
    void supabaseDbPushLeavesTheHistoryTableOurReplayedProductionHolds() throws Exception {
        ToolBinary supabase = ToolBinary.require("supabase");
        SupabaseAdapter adapter = new SupabaseAdapter(new SqlSplitter());
        Project project = Projects.supabase(dir);
        try (Productions.Fixture ours = Productions.of(project);
             ScratchDatabase cli = TestPostgres.server().create("supabase cli push")) {
            new EnvironmentSetup(new SqlSplitter(), TestProject.CLOCK).apply(cli,
                    EnvironmentSpec.of(null, Tool.SUPABASE, null, dir, Map.of()));
            supabase.succeed(dir, "db", "push", "--db-url", ToolBinary.url(cli), "--yes");
            HistorySnapshot theirs = TestProject.read(adapter, cli);
            assertEquals(3, theirs.rows().size());
            assertEquals(TestProject.rowsJson(theirs), TestProject.rowsJson(ours.readHistory()), "rows, statements split as the CLI stores them");
            try (Connection o = ours.connect(); Connection t = cli.connect()) {
                HistoryTable table = theirs.table();
                assertEquals(TestProject.tableShape(t, table), TestProject.tableShape(o, table));
                assertEquals(Catalogs.fingerprint(t), Catalogs.fingerprint(o), "the replay built what the CLI built");
            }
            String dryRun = supabase.succeed(dir, "db", "push", "--dry-run", "--db-url", ToolBinary.url(ours.database()));
            assertTrue(dryRun.contains("Remote database is up to date"), dryRun);
        }
    }

    @Test
    void dbmateUpLeavesTheHistoryTableOurReplayedProductionHolds() throws Exception {
        ToolBinary dbmate = ToolBinary.require("dbmate");
        DbmateAdapter adapter = new DbmateAdapter();
        Project project = Projects.dbmate(dir);
        try (Productions.Fixture ours = Productions.of(project);
             ScratchDatabase cli = TestPostgres.server().create("dbmate cli up")) {
            dbmate.succeed(dir, "--url", ToolBinary.url(cli), "--migrations-dir", project.folder(), "--no-dump-schema", "up");
            HistorySnapshot theirs = TestProject.read(adapter, cli);
            assertEquals(3, theirs.rows().size());
            assertEquals(TestProject.rowsJson(theirs), TestProject.rowsJson(ours.readHistory()));
            try (Connection o = ours.connect(); Connection t = cli.connect()) {
                HistoryTable table = theirs.table();
                assertEquals(TestProject.tableShape(t, table), TestProject.tableShape(o, table));
                assertEquals(Catalogs.fingerprint(t), Catalogs.fingerprint(o), "the replay built what dbmate built");
            }
            String status = dbmate.succeed(dir, "--url", ToolBinary.url(ours.database()), "--migrations-dir", project.folder(),
                    "status", "--exit-code");
            assertTrue(status.contains("Applied: 3") && status.contains("Pending: 0"), status);
        }
    }

    @Test
    void dbmateHasNothingPendingAfterConsolidation() throws Exception {
        ToolBinary dbmate = ToolBinary.require("dbmate");
        DbmateAdapter adapter = new DbmateAdapter();
        TestProject project = new TestProject(dir)
                .file("db/migrations/20240101000000_a.sql", "-- migrate:up\ncreate table a (id int);\n-- migrate:down\ndrop table a;\n")
                .file("db/migrations/20240102000000_b.sql.sql", "-- migrate:up transaction:false\ncreate index concurrently a_id on a (id);\n"
                        + "-- migrate:down\ndrop index a_id;\n");
        try (ScratchDatabase db = TestPostgres.server().create("dbmate cli")) {
            String url = ToolBinary.url(db);
            dbmate.succeed(dir, "--url", url, "--migrations-dir", "db/migrations", "--no-dump-schema", "up");
            MigrationSet local = adapter.discover(dir, Path.of("db/migrations"));
            HistorySnapshot before = TestProject.read(adapter, db);
            assertTrue(adapter.classify(local, before).allApplied(), adapter.classify(local, before).toString());
            BaselineIdentity baseline = adapter.baseline(new BaselineRequest(local, before, local.folder(), null, TestProject.CLOCK));
            assertEquals("db/migrations/20240102000000_consolidated_baseline.sql", baseline.path());
            String file = adapter.baselineFileText("create table a (id int);\ncreate index a_id on a (id);\n");
            HistoryChange change = adapter.historyChange(new HistoryChangeRequest(baseline, file.getBytes(StandardCharsets.UTF_8),
                    local, before, TestProject.CLOCK, TestProject.IDS));
            TestProject.apply(db, change);
            project.archive(local, baseline.archiveFolder());
            project.file(baseline.path(), file);

            String status = dbmate.succeed(dir, "--url", url, "--migrations-dir", "db/migrations", "status", "--exit-code");
            assertTrue(status.contains("Pending: 0"), status);
            assertEquals(List.of(), adapter.toolView(adapter.discover(dir, Path.of("db/migrations")), TestProject.read(adapter, db)));
        }
    }
}
