package dev.consolidate.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedScratchServerTest {

    @Test
    void bundlesSeveralMajorsAndPicksTheClosest() {
        List<Integer> majors = BundledPostgres.majors();
        assertEquals(List.of(15, 16, 17, 18), majors);
        assertEquals(15, BundledPostgres.closest(13));
        assertEquals(17, BundledPostgres.closest(17));
        assertEquals(18, BundledPostgres.closest(19));
    }

    @Test
    void createsChecksAndDropsPrefixedDatabasesFromTemplate0() throws Exception {
        { EmbeddedScratchServer server = TestPostgres.server();
            assertEquals(15, server.major());
            assertTrue(server.availableExtensions().contains("pgcrypto"));
            String name;
            try (ScratchDatabase db = server.create("Replay of history!")) {
                name = db.name();
                assertTrue(name.startsWith("consolidate_scratch_replay_of_history_"), name);
                try (Connection c = db.connect(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1));
                }
            }
            assertFalse(databaseExists(server, name));
        }
    }

    @Test
    void reapsScratchDatabasesNobodyUses() throws Exception {
        // Its own server: reaping on the shared one would race other tests' idle databases.
        try (EmbeddedScratchServer server = EmbeddedScratchServer.start(TestPostgres.DEFAULT_MAJOR)) {
            ScratchDatabase orphan = server.create("orphan");
            ScratchDatabase inUse = server.create("in use");
            try (Connection held = inUse.connect()) {
                assertEquals(1, server.reapOrphans());
                assertFalse(databaseExists(server, orphan.name()));
                assertTrue(databaseExists(server, inUse.name()));
            }
        }
    }

    private static boolean databaseExists(ScratchServer server, String name) throws Exception {
        try (Connection c = server.maintenanceConnection();
             var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
