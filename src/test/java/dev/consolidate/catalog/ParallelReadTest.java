package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.model.SnapshotJson;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Reading over several sessions in one exported snapshot gives exactly the single-session
 * snapshot, and a reading inside the caller's transaction gives the same and leaves that
 * transaction's settings as they were.
 */
class ParallelReadTest {

    @Test
    void severalSessionsReadTheSameSnapshotAsOne() throws Exception {
        CatalogHarness h = new CatalogHarness(TestPostgres.server());
        Scenario s = Scenario.named("tables");
        try (ScratchDatabase db = h.server.create("parallel read")) {
            h.replay(db, s.environment(), s.history());
            Snapshot one;
            Snapshot three;
            try (Connection c = db.connect()) {
                one = h.reader.read(c);
                three = h.reader.read(c, db::connect, 3);
                assertEquals(true, c.getAutoCommit(), "the primary session is handed back as it came");
            }
            assertEquals(one.fingerprint(), three.fingerprint());
            assertEquals(SnapshotJson.write(one), SnapshotJson.write(three));
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.execute("SET LOCAL search_path = app, public");
                st.execute("SET LOCAL jit = on");
                Snapshot inside = h.reader.readInTransaction(c);
                try (ResultSet rs = st.executeQuery("SELECT current_setting('search_path'), current_setting('jit')")) {
                    rs.next();
                    assertEquals("app, public", rs.getString(1));
                    assertEquals("on", rs.getString(2));
                }
                c.rollback();
                assertEquals(one.fingerprint(), inside.fingerprint());
            }
        }
    }
}
