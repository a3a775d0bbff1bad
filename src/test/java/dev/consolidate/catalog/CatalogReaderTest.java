package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.model.SnapshotJson;
import dev.consolidate.catalog.read.CatalogQuery;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {

    @Test
    void printsSample() throws Exception {
        try (ScratchDatabase db = TestPostgres.server().create("reader")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute(new String(getClass().getResourceAsStream("/catalog/sample.sql").readAllBytes(), StandardCharsets.UTF_8));
                Snapshot snap = new CatalogReader().read(c);
                System.out.println(SnapshotJson.write(snap));
            }
        }
    }
}
