package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole command line (plan, execute) on a history whose data statements are carried as a
 * migration of their own, against a production the tool's own binary migrated; then the same
 * binary judges the result: nothing to push, nothing pending, the lookup rows untouched. Skipped
 * where the binaries are absent ({@link ToolBinary}).
 */
class RealToolsExecuteTest {
    private static final String PLANS = """
            create table public.plans (code text primary key, price_cents int not null);
            insert into public.plans (code, price_cents) values ('free', 0), ('pro', 900);
            """;

    @TempDir
    Path dir;

    @Test
    void supabaseCliFindsTheBaselineAndTheDataMigrationApplied() throws Exception {
        ToolBinary supabase = ToolBinary.require("supabase");
        new TestProject(dir)
                .file("supabase/migrations/20240101000000_plans.sql", PLANS)
                .file("supabase/migrations/20240102000000_invoices.sql", "create table public.invoices (id bigint primary key,"
                        + " plan text references public.plans (code));\n");
        try (ScratchDatabase production = TestPostgres.server().create("supabase cli production")) {
            String url = ToolBinary.url(production);
            supabase.succeed(dir, "db", "push", "--db-url", url, "--yes");

            consolidate(url, "supabase");
            assertEquals(List.of("20240102000000_consolidated_baseline.sql", "20240102000001_consolidated_baseline_data.sql"),
                    files(dir.resolve("supabase/migrations")));
            String dryRun = supabase.succeed(dir, "db", "push", "--dry-run", "--db-url", url);
            assertTrue(dryRun.contains("Remote database is up to date"), dryRun);
            assertEquals("free 0, pro 900", plans(production), "production never ran the data migration");
        }
    }

    @Test
    void dbmateFindsTheBaselineAndTheDataMigrationApplied() throws Exception {
        ToolBinary dbmate = ToolBinary.require("dbmate");
        new TestProject(dir)
                .file("db/migrations/20240101000000_plans.sql", "-- migrate:up\n" + PLANS + "-- migrate:down\ndrop table public.plans;\n")
                .file("db/migrations/20240102000000_invoices.sql", "-- migrate:up\ncreate table public.invoices (id bigint primary key,"
                        + " plan text references public.plans (code));\n-- migrate:down\ndrop table public.invoices;\n");
        try (ScratchDatabase production = TestPostgres.server().create("dbmate cli production")) {
            String url = ToolBinary.url(production);
            dbmate.succeed(dir, "--url", url, "--migrations-dir", "db/migrations", "--no-dump-schema", "up");

            consolidate(url, "dbmate");
            assertEquals(List.of("20240102000000_consolidated_baseline.sql", "20240102000001_consolidated_baseline_data.sql"),
                    files(dir.resolve("db/migrations")));
            String status = dbmate.succeed(dir, "--url", url, "--migrations-dir", "db/migrations", "status", "--exit-code");
            assertTrue(status.contains("Pending: 0"), status);
            assertEquals("free 0, pro 900", plans(production), "production never ran the data migration");
        }
    }

    /** Plan and execute with the real command line; scratch on a server of its own, not production's. */
    private void consolidate(String url, String tool) {
        for (String mode : List.of("--plan", "--execute")) {
            CommandLine.Run run = CommandLine.run("--dir", dir.toString(), "--tool", tool, "--profile", "none", "--db-url", url,
                    "--scratch", "embedded", "--yes", mode);
            assertEquals(0, run.exitCode(), mode + ": " + run.all());
        }
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String plans(ScratchDatabase db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT code || ' ' || price_cents FROM public.plans ORDER BY code")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return String.join(", ", out);
    }
}
