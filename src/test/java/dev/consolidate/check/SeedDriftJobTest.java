package dev.consolidate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeds 000 to 002 as jobs: the Prisma history against the drifted Supabase history names every
 * drift the seeds list and the migration that does not replay (exit 4); against the fixed one it
 * is equal (exit 0). Neither run changes the repository.
 */
class SeedDriftJobTest {
    @TempDir
    Path work;

    @Test
    void theDriftedHistoryIsNamedPieceByPieceAndTheFixedOneIsEqual() throws Exception {
        Path jobs = ProjectRoot.get().resolve("jobs");
        CommandLine.Run drifted = run(jobs.resolve("seed-000-drift-check.job"), "drifted");
        assertEquals(4, drifted.exitCode(), drifted.all());
        JsonNode report = new ObjectMapper().readTree(drifted.out());
        JsonNode failure = report.path("replayFailures").get(0);
        assertEquals("supabase/migrations/20250903100000_add_admin_query_indexes.sql", failure.path("file").asText());
        assertEquals(3, failure.path("line").asInt(), failure.toString());
        assertEquals("supabase-drifted/supabase/migrations (supabase)", failure.path("history").asText());

        List<String> found = new ArrayList<>();
        report.path("diff").path("differences").forEach(d -> {
            StringBuilder line = new StringBuilder(d.path("change").asText() + " " + d.path("object").asText());
            d.path("fields").forEach(f -> line.append(" ").append(f.path("path").asText()));
            found.add(line.toString());
        });
        for (String expected : List.of(
                "changed table public.users columns[kajabi_contact_id]",
                "removed table public.submission_attachments",
                "removed trigger amplify_quota_check on public.submissions",
                "removed function public.check_amplify_quota()",
                "removed index submissions_learn_once_per_user on public.submissions",
                "removed materialized view public.activity_metrics",
                "added materialized view public.metric_counts",
                "changed materialized view public.leaderboard_totals columns[avatar_url] columns[last_activity_at] definition",
                "removed index idx_submissions_status_created_at on public.submissions")) {
            assertTrue(found.contains(expected), expected + " not in " + found);
        }
        String markdown = Files.readString(work.resolve("drifted").resolve(CheckFiles.MARKDOWN));
        assertTrue(markdown.contains("`supabase/migrations/20250903100000_add_admin_query_indexes.sql` line 3"), markdown);
        assertTrue(markdown.contains("supabase-drifted/supabase/migrations (supabase): `supabase/migrations/20250902000003_storage_setup.sql` line 2: INSERT INTO"), markdown);

        CommandLine.Run fixed = run(jobs.resolve("seed-000-drift-fixed.job"), "fixed");
        assertEquals(0, fixed.exitCode(), fixed.all());
        assertEquals("equal", new ObjectMapper().readTree(fixed.out()).path("verdict").asText());
        assertTrue(Files.notExists(jobs.resolve("seed-000-drift/prisma-app/.consolidate")), "the repository is left as it was");
    }

    private CommandLine.Run run(Path job, String runDir) {
        return CommandLine.run("--job", job.toString(), "--check", "--json", "--scratch", CheckFixtures.scratch(),
                "--run-dir", work.resolve(runDir).toString());
    }
}
