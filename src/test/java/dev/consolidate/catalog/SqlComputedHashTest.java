package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogQuery;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The content hash of every object can be computed by the server alone from the catalog query's
 * own text, which is what a psql-only verify script relies on.
 */
class SqlComputedHashTest {

    @Test
    void everyObjectHashIsTheSha256OfItsDescriptionComputedInSql() throws Exception {
        CatalogHarness h = new CatalogHarness(TestPostgres.server());
        Scenario s = Scenario.named("kitchen-sink");
        try (ScratchDatabase db = h.server.create("sql hash")) {
            CatalogHarness.Replayed r = h.replay(db, s.environment(), s.history());
            Snapshot all;
            try (Connection c = db.connect()) {
                all = h.reader.read(c);
            }
            Map<ObjectKey, String> fromSql = new HashMap<>();
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("SET search_path = ''");
                for (CatalogQuery q : CatalogQuery.objectQueries()) {
                    try (ResultSet rs = st.executeQuery("SELECT kind, schema_name, object_name, parent_name, signature,"
                            + " encode(sha256(convert_to(description::text, 'UTF8')), 'hex') FROM (\n" + q.text() + "\n) q")) {
                        while (rs.next()) {
                            fromSql.put(new ObjectKey(ObjectKind.fromId(rs.getString(1)), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5)), rs.getString(6));
                        }
                    }
                }
            }
            assertTrue(all.size() > 40, "a rich catalog: " + all.size());
            assertEquals(all.size(), fromSql.size());
            for (CatalogObject o : all.objects()) {
                assertEquals(o.hash(), fromSql.get(o.key()), o.key().display());
            }
        }
    }
}
