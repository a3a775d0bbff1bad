package dev.consolidate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.parity.EnvironmentCapture;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.drift.DriftCheck;
import dev.consolidate.drift.ReplayedCatalog;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.replay.EnvironmentSetup;
import dev.consolidate.replay.ReplayListener;
import dev.consolidate.replay.Replayer;
import dev.consolidate.scratch.ScratchSpec;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CHECK.md of two small histories that drifted apart, one of which has a migration that does not
 * replay, against a golden file (-Dconsolidate.regenerate=true rewrites it for review); its JSON
 * twin carries the same findings.
 */
class CheckReportGoldenTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final boolean REGENERATE = Boolean.getBoolean("consolidate.regenerate");

    @Test
    void markdownSummaryMatchesTheGoldenFile() throws Exception {
        Path root = CheckFixtures.resource("golden");
        SqlSplitter splitter = new SqlSplitter();
        CatalogReader reader = new CatalogReader();
        Replayer replayer = new Replayer(splitter, CLOCK);
        DriftGate gate = new DriftGate(replayer, new ReplayedCatalog(replayer,
                new EnvironmentCapture(new EnvironmentSetup(splitter, CLOCK), reader), reader), new DriftCheck(reader), CLOCK);
        ToolRegistry tools = ToolRegistry.standard();
        HistoryInput a = HistoryInput.resolve(tools, root.resolve("app-a"), "sql", null, null, null, Map.of());
        HistoryInput b = HistoryInput.resolve(tools, root.resolve("app-b"), "sql", null, null, null, Map.of());

        DriftGate.Outcome outcome = gate.check(new DriftGate.Request(a, new CheckTarget.OtherHistory(b), ScratchSpec.parse(null),
                ComparisonRules.standard()), TestPostgres.server(), List.of(), ReplayListener.NONE);
        CheckReport report = outcome.report();

        assertEquals(Verdict.DRIFT, report.verdict());
        assertTrue(outcome.baseline().isPresent(), "A replays whole, so a verify script can be written from it");
        String markdown = CheckMarkdown.render(report);
        Path golden = root.resolve("expected/CHECK.md");
        if (REGENERATE) {
            Files.writeString(golden, markdown, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), markdown, "CHECK.md (regenerate with -Dconsolidate.regenerate=true)");
        assertEquals(markdown, CheckMarkdown.render(report), "rendering is deterministic");
        assertFalse(markdown.contains("count(*) FROM submissions"), "routine bodies are migration text and are not shown");

        JsonNode json = CheckJson.tree(report);
        assertEquals(4, json.path("exitCode").asInt());
        JsonNode failure = json.path("replayFailures").get(0);
        assertEquals("migrations/003_admin.sql", failure.path("file").asText());
        assertEquals(2, failure.path("line").asInt());
        assertEquals("app-b/migrations (sql)", failure.path("history").asText());
        assertTrue(failure.path("message").asText().contains("relation \"submission\" does not exist"), failure.toString());
        assertEquals(report.differenceCount(), json.path("diff").path("differences").size());
        assertEquals("migrations/004_backfill.ts (file)", json.path("notCompared").path("codeMigrations").get(0).asText()
                .replace("app-b/migrations (sql): ", ""));
    }
}
