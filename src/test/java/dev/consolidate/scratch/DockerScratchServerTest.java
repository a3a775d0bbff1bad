package dev.consolidate.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DockerScratchServerTest {
    private static final String IMAGE = System.getProperty("consolidate.scratchImage", "postgres:16-alpine");

    @Test
    void startsAnImageAndWorksInItWhereDockerRuns() throws Exception {
        boolean docker = DockerScratchServer.dockerAvailable();
        if (!docker) {
            System.err.println("SKIPPED: no Docker engine reachable; the docker scratch provider test needs one (DOCKER_HOST or the default socket)");
        }
        assumeTrue(docker, "no Docker engine reachable; docker scratch provider test skipped");
        try (OpenedScratch opened = ScratchServers.open(ScratchSpec.parse("docker:" + IMAGE), OptionalInt.of(15))) {
            assertEquals(16, opened.server().major());
            assertTrue(opened.notices().get(0).startsWith("production runs PostgreSQL 15; the scratch image " + IMAGE + " runs 16"));
            try (ScratchDatabase db = opened.server().create("docker"); Connection c = db.connect();
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void withoutDockerTheProviderIsRefusedWithAClearUsageError() {
        assumeFalse(DockerScratchServer.dockerAvailable(), "a Docker engine is reachable; the no-Docker message is not reachable here");
        Problem p = assertThrows(Problem.class, () -> ScratchServers.open(ScratchSpec.parse("docker:" + IMAGE), OptionalInt.empty()));
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertTrue(p.what().startsWith("No Docker engine is reachable for --scratch docker:" + IMAGE), p.what());
    }
}
