package dev.consolidate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.HistoryTable;
import dev.consolidate.history.SupabaseAdapter;
import dev.consolidate.sql.SourceText;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.Catalogs;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.JobStandIn;
import dev.consolidate.testsupport.ProjectFiles;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Supabase history's carried data, by default: the migration right after the baseline, its row written with its statements like the baseline's, so the Supabase CLI sees
 * every local migration applied and production never runs it; rollback restores files and rows.
 */
class DataAsMigrationJobTest {
    private static final String FOLDER = "supabase/migrations";
    private static final HistoryTable TABLE = new HistoryTable("supabase_migrations", "schema_migrations");

    @TempDir
    Path work;

    @Test
    void theCarriedDataIsASecondMigrationRecordedAsApplied() throws Exception {
        Path project = work.resolve("project");
        Files.createDirectories(project.resolve(FOLDER));
        Files.writeString(project.resolve(FOLDER + "/20250101000000_init.sql"), """
                create table public.plans (code text primary key, name text not null, price_cents int not null);
                insert into public.plans (code, name, price_cents) values ('free', 'Free', 0), ('pro', 'Pro', 900);
                insert into storage.buckets (id, name, public) values ('avatars', 'avatars', false);
                """);
        Files.writeString(project.resolve(FOLDER + "/20250102000000_prices.sql"), """
                update public.plans set price_cents = 1000 where code = 'pro';
                """);
        Path job = work.resolve("data.job");
        Files.writeString(job, "dir = project\ntool = supabase\nproduction = embedded\n");

        CommandLine.Run misplaced = run(job, "--execute", "--yes", "--data-as-migration");
        assertEquals(2, misplaced.exitCode(), misplaced.all());
        assertTrue(misplaced.err().contains("--data-as-migration only works with --plan"), misplaced.err());

        CommandLine.Run plan = run(job, "--plan");
        assertEquals(0, plan.exitCode(), plan.all());
        Map<String, String> before = ProjectFiles.outsideRunFolders(project);
        String rowsBefore;
        try (JobStandIn s = JobStandIn.open(project); Connection c = s.db().connect()) {
            rowsBefore = Catalogs.rows(c, TABLE.qualified());
        }

        CommandLine.Run execute = run(job, "--execute", "--yes");
        assertEquals(0, execute.exitCode(), execute.all());
        try (Stream<Path> left = Files.list(project.resolve(FOLDER))) {
            assertEquals(List.of("20250102000000_consolidated_baseline.sql", "20250102000001_consolidated_baseline_data.sql"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String data = Files.readString(project.resolve(FOLDER + "/20250102000001_consolidated_baseline_data.sql"));
        assertTrue(data.contains("insert into storage.buckets (id, name, public) values ('avatars', 'avatars', false);"), data);
        assertTrue(data.contains("supabase/migrations/20250101000000_init.sql:2 INSERT INTO public.plans: a later statement"
                + " changes what it wrote: supabase/migrations/20250102000000_prices.sql:1 updates its rows"), data);
        String planId = Files.readString(project.resolve(".consolidate/CURRENT")).strip();
        assertTrue(Files.readString(project.resolve("consolidation").resolve(planId).resolve("PARITY.md"))
                .contains("storage.buckets: 1 rows, equal to the history's"));

        try (JobStandIn s = JobStandIn.open(project); Connection c = s.db().connect()) {
            SupabaseAdapter supabase = new SupabaseAdapter(new SqlSplitter());
            HistorySnapshot history = supabase.readHistory(c, TABLE);
            assertEquals(List.of(), supabase.toolView(supabase.discover(project, project.resolve(FOLDER)), history),
                    "the Supabase CLI finds both local migrations applied");
            List<String> statements = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT statements FROM supabase_migrations.schema_migrations WHERE version = '20250102000001'"
                            + " AND name = 'consolidated_baseline_data'")) {
                assertTrue(rs.next(), "the data migration's row");
                Array a = rs.getArray(1);
                for (Object o : (Object[]) a.getArray()) {
                    statements.add((String) o);
                }
            }
            assertEquals(new SqlSplitter().splitKeepingComments(SourceText.of("data", data)), statements,
                    "its statements, as supabase migration repair stores them");
            assertEquals(2, history.rows().size());
        }

        CommandLine.Run rollback = run(job, "--rollback", "--yes");
        assertEquals(0, rollback.exitCode(), rollback.all());
        assertEquals(before, ProjectFiles.outsideRunFolders(project));
        try (JobStandIn s = JobStandIn.open(project); Connection c = s.db().connect()) {
            assertEquals(rowsBefore, Catalogs.rows(c, TABLE.qualified()), "the history rows are as they were");
        }
    }

    private static CommandLine.Run run(Path job, String... mode) {
        List<String> args = new ArrayList<>(List.of("--job", job.toString(), "--scratch",
                "url:postgresql://postgres@127.0.0.1:" + TestPostgres.server().port() + "/postgres"));
        args.addAll(List.of(mode));
        return CommandLine.run(args.toArray(String[]::new));
    }

}
