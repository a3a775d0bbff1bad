package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.model.SnapshotJson;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** Reading over several sessions in one exported snapshot gives exactly the single-session snapshot. */
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
        }
    }
}
