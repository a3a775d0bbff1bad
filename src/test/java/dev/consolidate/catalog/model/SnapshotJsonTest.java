package dev.consolidate.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {
    private static final SnapshotInfo INFO = new SnapshotInfo(150014, "15.14", "postgres");

    private static Snapshot sample() {
        ObjectKey table = ObjectKey.of(ObjectKind.TABLE, "app", "users");
        return new Snapshot(INFO, List.of(
                CatalogObject.of(ObjectKey.of(ObjectKind.SCHEMA, "app", "app"), "{\"owner\": \"postgres\"}", null, List.of()),
                CatalogObject.of(table, "{\"owner\": \"postgres\", \"columns\": [{\"name\": \"id\", \"type\": \"integer\"}]}",
                        "{\"acl_default\": [\"postgres=arwdDxt/postgres\"]}", List.of(ObjectKey.of(ObjectKind.SCHEMA, "app", "app"))),
                CatalogObject.of(new ObjectKey(ObjectKind.POLICY, "app", "p \"1\"", "users", null),
                        "{\"using\": \"(a = 'x\\\\y')\", \"command\": \"select\"}", null, List.of(table))));
    }

    @Test
    void writesSortedStableJsonAndReadsItBack() {
        Snapshot s = sample();
        String json = SnapshotJson.write(s);
        assertEquals(json, SnapshotJson.write(s));
        Snapshot back = SnapshotJson.read(new StringReader(json));
        assertEquals(s.fingerprint(), back.fingerprint());
        assertEquals(json, SnapshotJson.write(back));
        assertTrue(json.indexOf("\"command\"") < json.indexOf("\"using\""), "keys sorted");
        assertTrue(json.indexOf("\"kind\" : \"schema\"") < json.indexOf("\"kind\" : \"table\""), "objects in key order");
    }

    @Test
    void refusesAFileChangedAfterItWasWritten() {
        String json = SnapshotJson.write(sample());
        String edited = json.replace("\"select\"", "\"all\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SnapshotJson.read(new StringReader(edited)));
        assertTrue(e.getMessage().contains("policy p \"1\" on app.users"), e.getMessage());
    }

    @Test
    void canonicalTextIsJsonbText() {
        // jsonb orders keys by length, then bytes; ", " and ": " separate; control characters are \\u escapes.
        assertEquals("{\"b\": 1, \"aa\": [true, \"x\\ny\\u0001\"]}", CanonicalJson.render(CanonicalJson.parse("{\"aa\":[true,\"x\\ny\\u0001\"],\"b\":1}")));
    }
}
