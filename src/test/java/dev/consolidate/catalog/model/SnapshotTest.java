package dev.consolidate.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    private static final SnapshotInfo INFO = new SnapshotInfo(150000, "15", "postgres");

    /** Keys that differ in one part at a time, absent parts included. */
    private static List<ObjectKey> keys() {
        List<ObjectKey> out = new ArrayList<>();
        for (ObjectKind kind : List.of(ObjectKind.SCHEMA, ObjectKind.TABLE, ObjectKind.INDEX, ObjectKind.FUNCTION)) {
            for (String schema : new String[] {null, "a", "b"}) {
                for (String parent : new String[] {null, "t"}) {
                    for (String signature : new String[] {null, "", "integer"}) {
                        out.add(new ObjectKey(kind, schema, "x", parent, signature));
                        out.add(new ObjectKey(kind, schema, "y", parent, signature));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void objectsIterateInKeyOrderWhateverOrderTheyCameIn() {
        List<CatalogObject> objects = new ArrayList<>();
        for (ObjectKey k : keys()) {
            objects.add(CatalogObject.of(k, "{}", null, List.of()));
        }
        List<ObjectKey> expected = new ArrayList<>(keys());
        Collections.sort(expected);
        for (int seed = 0; seed < 5; seed++) {
            Collections.shuffle(objects, new Random(seed));
            Snapshot s = new Snapshot(INFO, objects);
            assertEquals(expected, s.objects().stream().map(CatalogObject::key).toList());
            assertEquals(expected, List.copyOf(s.byKey().keySet()));
            Snapshot kept = s.filter(o -> o.key().schema() != null);
            assertEquals(expected.stream().filter(k -> k.schema() != null).toList(), List.copyOf(kept.byKey().keySet()));
            for (ObjectKey k : expected) {
                assertEquals(k, s.get(k).orElseThrow().key());
            }
        }
    }

    @Test
    void twoObjectsWithOneIdentityAreRefused() {
        ObjectKey k = new ObjectKey(ObjectKind.POLICY, "app", "p", "t", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Snapshot(INFO, List.of(
                CatalogObject.of(ObjectKey.of(ObjectKind.TABLE, "app", "t"), "{}", null, List.of()),
                CatalogObject.of(k, "{}", null, List.of()),
                CatalogObject.of(new ObjectKey(ObjectKind.POLICY, "app", "p", "t", null), "{\"a\": 1}", null, List.of()))));
        assertTrue(e.getMessage().contains("policy p on app.t"), e.getMessage());
    }

    @Test
    void keysAreEqualExactlyWhenTheyCompareEqualAndHashAlike() {
        List<ObjectKey> a = keys();
        List<ObjectKey> b = keys(); // equal values, distinct instances
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                ObjectKey x = a.get(i);
                ObjectKey y = b.get(j);
                assertEquals(i == j, x.equals(y), x + " / " + y);
                assertEquals(i == j, x.compareTo(y) == 0, x + " / " + y);
                assertEquals(Integer.signum(x.compareTo(y)), -Integer.signum(y.compareTo(x)));
                if (i == j) {
                    assertEquals(x.hashCode(), y.hashCode());
                }
            }
        }
        assertNotEquals(a.get(0), null);
        assertNotEquals(a.get(0), "schema x");
    }
}
