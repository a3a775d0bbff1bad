package dev.consolidate.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One embedded server opened the way the command line opens it (production on 14, so the
 * closest bundled major is 15), then used as the "existing server" for the url: provider. It is
 * not the shared test server: reaping there would race other tests' idle databases.
 */
class ScratchServersTest {
    private static OpenedScratch embedded;

    @BeforeAll
    static void open() {
        embedded = ScratchServers.open(new ScratchSpec.Embedded(), OptionalInt.of(14));
    }

    @AfterAll
    static void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void embeddedPicksTheClosestBundledMajorAndSaysSo() {
        assertInstanceOf(EmbeddedScratchServer.class, embedded.server());
        assertEquals(15, embedded.server().major());
        assertEquals(1, embedded.notices().size(), embedded.notices().toString());
        assertTrue(embedded.notices().get(0).startsWith(
                "production runs PostgreSQL 14; the closest bundled scratch server is 15: "), embedded.notices().get(0));
    }

    @Test
    void urlServerReapsOrphansAndWarnsAboutAMajorMismatch() throws Exception {
        ScratchDatabase orphan = embedded.server().create("orphan of a crashed run");
        try (OpenedScratch viaUrl = ScratchServers.open(ScratchSpec.parse(url("postgres", "postgres")), OptionalInt.of(16))) {
            assertInstanceOf(UrlScratchServer.class, viaUrl.server());
            assertEquals(15, viaUrl.server().major());
            assertFalse(exists(orphan.name()));
            List<String> notices = viaUrl.notices();
            assertTrue(notices.stream().anyMatch(n -> n.startsWith("production runs PostgreSQL 16; the scratch server at postgres@")), notices.toString());
            assertTrue(notices.stream().anyMatch(n -> n.startsWith("dropped 1 scratch database left on")), notices.toString());
            try (ScratchDatabase db = viaUrl.server().create("via url"); Connection c = db.connect();
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user")) {
                rs.next();
                assertEquals("postgres", rs.getString(1));
            }
        }
    }

    @Test
    void urlServerRefusesADatabaseThatHoldsObjects() throws Exception {
        try (Connection c = embedded.server().maintenanceConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE not_empty_app");
        }
        try {
            try (Connection c = java.sql.DriverManager.getConnection(
                    ((UrlScratchServer) UrlScratchServer.connect(((ScratchSpec.Url) ScratchSpec.parse(url("postgres", "postgres"))).server()))
                            .jdbcUrl("not_empty_app"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE customer (id int)");
            }
            Problem p = assertThrows(Problem.class,
                    () -> ScratchServers.open(ScratchSpec.parse(url("postgres", "not_empty_app")), OptionalInt.empty()));
            assertEquals(ExitCode.USAGE, p.exitCode());
            assertTrue(p.what().contains("\"not_empty_app\", which is not empty (1 object)"), p.what());
        } finally {
            try (Connection c = embedded.server().maintenanceConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE not_empty_app");
            }
        }
    }

    @Test
    void urlServerRefusesARoleThatCannotCreateDatabases() throws Exception {
        try (Connection c = embedded.server().maintenanceConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE no_createdb LOGIN");
        }
        Problem p = assertThrows(Problem.class,
                () -> ScratchServers.open(ScratchSpec.parse(url("no_createdb", "postgres")), OptionalInt.empty()));
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertTrue(p.what().contains("may not create databases"), p.what());
    }

    @Test
    void urlServerThatDoesNotAnswerIsAUsageError() {
        Problem p = assertThrows(Problem.class,
                () -> ScratchServers.open(ScratchSpec.parse("url:postgresql://postgres:hunter2@127.0.0.1:1/postgres?connectTimeout=2"), OptionalInt.empty()));
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertTrue(p.what().startsWith("Could not connect to the scratch server at postgres@127.0.0.1:1/postgres"), p.what());
        assertFalse(p.render().contains("hunter2"));
    }

    private static String url(String user, String database) {
        return "url:postgresql://" + user + "@localhost:" + ((EmbeddedScratchServer) embedded.server()).port() + "/" + database;
    }

    private static boolean exists(String name) throws Exception {
        try (Connection c = embedded.server().maintenanceConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
