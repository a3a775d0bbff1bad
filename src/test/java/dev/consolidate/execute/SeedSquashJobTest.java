package dev.consolidate.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consolidate.testsupport.Catalogs;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.JobStandIn;
import dev.consolidate.testsupport.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 003 as its job runs it (a copy of the project, production the job's embedded stand-in with
 * the hand-made ON DELETE CASCADE fixes and 467 rows, the baseline built from production): the
 * plan names the four drifted constraints, the execution proves parity object by object and
 * leaves the history table holding the baseline's row alone, and the rollback restores every file
 * and row.
 */
class SeedSquashJobTest {
    static final String TABLE = "supabase_migrations.schema_migrations";

    @TempDir
    Path work;

    @Test
    void planShowsTheDriftExecuteProvesParityRollbackRestores() throws Exception {
        Path dir = work.resolve("seed-003");
        CommandLine.Run plan = run(dir, "--plan");
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("4 objects differ between production and the history"), plan.out());
        Path runFolder = dir.resolve(".consolidate").resolve(Files.readString(dir.resolve(".consolidate/CURRENT")).strip());
        JsonNode planJson = new ObjectMapper().readTree(runFolder.resolve("plan.json").toFile());
        List<String> different = new ArrayList<>();
        planJson.path("drift").path("different").forEach(d -> different.add(d.asText()));
        assertEquals(List.of(
                "constraint projects_client_id_fkey on public.projects (definition)",
                "constraint script_components_script_id_fkey on public.script_components (definition)",
                "constraint scripts_video_id_fkey on public.scripts (definition)",
                "constraint videos_project_id_fkey on public.videos (definition)"), different);
        String planMd = Files.readString(runFolder.resolve("PLAN.md"));
        assertTrue(planMd.contains("- different: constraint videos_project_id_fkey on public.videos (definition)"), planMd);
        assertEquals("production", planJson.path("source").asText());
        String baselineVersion = planJson.path("baseline").path("version").asText();

        Map<String, String> filesBefore = Runs.tree(dir, ".consolidate");
        String rowsBefore = standIn(dir, c -> Catalogs.rows(c, TABLE));
        assertEquals(14, rowsBefore.lines().count());
        assertEquals(Map.of("tables", 7L, "rows", 467L), standIn(dir, SeedSquashJobTest::userRows), "the seed's production");

        CommandLine.Run execute = run(dir, "--execute", "--yes");
        assertEquals(0, execute.exitCode(), execute.all());
        JsonNode parity = new ObjectMapper().readTree(runFolder.resolve("artifacts/parity/parity.json").toFile());
        assertTrue(parity.path("holds").asBoolean(), parity.toString());
        Map<String, String> counts = new TreeMap<>();
        parity.path("counts").forEach(k -> counts.put(k.path("kind").asText(),
                k.path("actual").asInt() + "/" + k.path("expected").asInt()));
        assertEquals(Map.of("constraints", "15/15", "functions", "7/7", "indexes", "16/16", "policies", "18/18", "tables", "7/7",
                "triggers", "2/2"), counts);
        assertTrue(Files.readString(dir.resolve("consolidation").resolve(planJson.path("planId").asText()).resolve("PARITY.md"))
                .contains("policies"), "the auditor's copy is published");
        List<String> rows = standIn(dir, c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT version, name, cardinality(statements) FROM " + TABLE + " ORDER BY version")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + (rs.getInt(3) > 0));
                }
            }
            return out;
        });
        assertEquals(List.of(baselineVersion + " consolidated_baseline true"), rows, "exactly the baseline row, with its statements");

        CommandLine.Run rollback = run(dir, "--rollback", "--yes");
        assertEquals(0, rollback.exitCode(), rollback.all());
        assertEquals(filesBefore, Runs.tree(dir, ".consolidate"), "every file as before");
        assertEquals(rowsBefore, standIn(dir, c -> Catalogs.rows(c, TABLE)), "every history row as before");
    }

    private static CommandLine.Run run(Path dir, String... mode) {
        List<String> args = new ArrayList<>(List.of("--job", ProjectRoot.get().resolve("jobs/seed-003-supabase-squash.job").toString(),
                "--dir", dir.toString(), "--scratch", Runs.scratch()));
        args.addAll(List.of(mode));
        return CommandLine.run(args.toArray(String[]::new));
    }

    interface Query<T> {
        T on(Connection c) throws Exception;
    }

    /** Reads the job's production stand-in, started on its kept data directory for the question and stopped after. */
    private static <T> T standIn(Path dir, Query<T> query) throws Exception {
        try (JobStandIn s = JobStandIn.open(dir); Connection c = s.db().connect()) {
            return query.on(c);
        }
    }

    /** How many tables the schema public holds, and how many rows they hold together. */
    private static Map<String, Long> userRows(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        long rows = 0;
        for (String t : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                rs.next();
                rows += rs.getLong(1);
            }
        }
        return Map.of("tables", (long) tables.size(), "rows", rows);
    }
}
