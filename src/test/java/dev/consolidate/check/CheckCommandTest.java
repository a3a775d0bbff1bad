package dev.consolidate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consolidate.testsupport.CommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --check's refusals, each with its exit code before any replay and writing nothing, and a job
 * whose production is an embedded stand-in.
 */
class CheckCommandTest {
    @TempDir
    Path work;

    private final String history = CheckFixtures.resource("golden/app-a").toString();

    @Test
    void anUnreachableProductionExits3() throws Exception {
        CommandLine.Run run = CommandLine.run("--check", "--json", "--dir", history, "--tool", "sql",
                "--db-url", "postgresql://postgres:s3cret@127.0.0.1:1/app", "--run-dir", work.toString());
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.err().contains("unreachable"), run.err());
        assertEquals(3, new ObjectMapper().readTree(run.out()).path("error").path("exitCode").asInt(), run.out());
        assertFalse(run.all().contains("s3cret"), "the password never appears");
        assertFalse(Files.exists(work.resolve(CheckFiles.MARKDOWN)));
    }

    @Test
    void aJobsEmbeddedStandInIsCheckedLikeProduction() throws Exception {
        Files.writeString(work.resolve("drift.sql"), "CREATE INDEX users_email_idx ON users (email);\n");
        Path job = work.resolve("standin.job");
        Files.writeString(job, String.join("\n",
                "copy-from = " + history,
                "dir = project",
                "tool = sql",
                "production = embedded",
                "production-seed = drift.sql",
                "run-dir = report", ""));
        CommandLine.Run run = CommandLine.run("--job", job.toString(), "--check", "--json", "--scratch", CheckFixtures.scratch());
        assertEquals(4, run.exitCode(), run.all());
        JsonNode diff = new ObjectMapper().readTree(run.out()).path("diff").path("differences");
        assertEquals(1, diff.size(), run.out());
        assertEquals("added", diff.get(0).path("change").asText());
        assertEquals("index users_email_idx on public.users", diff.get(0).path("object").asText());
        assertTrue(Files.exists(work.resolve("report").resolve(CheckFiles.MARKDOWN)));
    }

    @Test
    void nothingToCompareWithExits2SayingWhatToGive() {
        CommandLine.Run run = CommandLine.run(Map.of(), "--check", "--dir", history, "--tool", "sql");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--db-url") && run.err().contains("--against"), run.err());
    }

    @Test
    void badOptionsExit2() {
        assertEquals(2, CommandLine.run("--check", "--dir", history, "--tool", "sql", "--against", work.resolve("absent").toString())
                .exitCode());
        assertEquals(2, CommandLine.run("--check", "--dir", history, "--tool", "sql", "--against", history,
                "--db-url", "postgresql://postgres@127.0.0.1:1/app").exitCode());
        assertEquals(2, CommandLine.run("--check", "--dir", history, "--tool", "nonsense").exitCode());
        assertEquals(2, CommandLine.run("--plan", "--dir", history, "--against", history).exitCode());
    }
}
