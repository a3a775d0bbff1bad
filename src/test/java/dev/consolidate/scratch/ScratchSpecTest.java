package dev.consolidate.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchSpecTest {

    @Test
    void embeddedIsTheDefault() {
        assertInstanceOf(ScratchSpec.Embedded.class, ScratchSpec.parse(null));
        assertInstanceOf(ScratchSpec.Embedded.class, ScratchSpec.parse(" "));
        assertInstanceOf(ScratchSpec.Embedded.class, ScratchSpec.parse("EMBEDDED"));
    }

    @Test
    void readsALibpqUriAndKeepsThePasswordOutOfEverythingPrintable() {
        ScratchSpec spec = ScratchSpec.parse("url:postgresql://ops:s%40cret%2Bx@db.internal:6543/scratch_admin?sslmode=require&application_name=c");
        ServerUrl url = ((ScratchSpec.Url) spec).server();
        assertEquals("db.internal:6543", url.hosts());
        assertEquals("scratch_admin", url.database());
        assertEquals("ops", url.user());
        assertEquals("s@cret+x", url.password());
        assertEquals("jdbc:postgresql://db.internal:6543/other?sslmode=require&ApplicationName=c", url.jdbcUrl("other"));
        assertEquals("s@cret+x", url.credentials().getProperty("password"));
        for (String printable : new String[] {spec.describe(), spec.toString(), url.toString(), url.display(), url.jdbcUrl("x")}) {
            assertFalse(printable.contains("cret"), printable);
        }
    }

    @Test
    void readsAJdbcUrlWithCredentialsInItsParameters() {
        ServerUrl url = ((ScratchSpec.Url) ScratchSpec.parse("url:jdbc:postgresql://localhost:5432/?user=postgres&password=pw&connectTimeout=5")).server();
        assertEquals("postgres", url.database());
        assertEquals("postgres", url.user());
        assertEquals("pw", url.password());
        assertEquals(Map.of("connectTimeout", "5"), url.params());
        assertEquals("jdbc:postgresql://localhost:5432/postgres?connectTimeout=5", url.jdbcUrl("postgres"));
    }

    @Test
    void aUrlWithoutCredentialsLeavesThemToTheDriver() {
        ServerUrl url = ((ScratchSpec.Url) ScratchSpec.parse("url:postgres://localhost")).server();
        assertNull(url.user());
        assertTrue(url.credentials().isEmpty());
        assertEquals("localhost/postgres", url.display());
    }

    @Test
    void readsADockerImage() {
        assertEquals(new ScratchSpec.Docker("pgvector/pgvector:pg16"), ScratchSpec.parse("docker:pgvector/pgvector:pg16"));
    }

    @Test
    void refusesWhatItCannotUseWithAUsageErrorThatDoesNotRepeatTheValue() {
        for (String bad : new String[] {"uri:postgresql://u:topsecret@h/db", "url:mysql://u:topsecret@h/db", "url:postgresql://u:topsecret@/db",
                "docker:", "docker:bad image", "podman"}) {
            Problem p = assertThrows(Problem.class, () -> ScratchSpec.parse(bad), bad);
            assertEquals(ExitCode.USAGE, p.exitCode(), bad);
            assertFalse(p.render().contains("topsecret"), p.render());
            assertEquals("nothing changed.", p.state());
        }
    }
}
