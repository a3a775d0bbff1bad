package dev.consolidate.catalog.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.model.SnapshotInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DifferTest {
    private static final SnapshotInfo INFO = new SnapshotInfo(150000, "15", "postgres");

    private static CatalogObject table(String name, String description) {
        return CatalogObject.of(ObjectKey.of(ObjectKind.TABLE, "app", name), description, null, List.of());
    }

    private static CatalogObject index(String name, String table) {
        return CatalogObject.of(new ObjectKey(ObjectKind.INDEX, "app", name, table, null), "{\"definition\": \"" + name + "\"}", null, List.of());
    }

    /** Added, removed, changed and equal objects interleaved, at both ends of either side. */
    @Test
    void everyObjectOnEitherSideIsAccountedForInKeyOrder() {
        Snapshot expected = new Snapshot(INFO, List.of(
                table("a", "{\"owner\": \"x\"}"), table("b", "{}"), table("d", "{\"owner\": \"x\"}"), index("i1", "a"), index("i3", "d")));
        Snapshot actual = new Snapshot(INFO, List.of(
                table("b", "{}"), table("c", "{}"), table("d", "{\"owner\": \"y\"}"), index("i2", "b"), index("i3", "d"), index("i4", "d")));
        SnapshotDiff diff = new Differ(ComparisonRules.standard(), ExpressionOracle.TEXT_ONLY).diff(expected, actual);
        List<String> seen = new ArrayList<>();
        for (ObjectDifference d : diff.differences()) {
            String kind = d instanceof ObjectDifference.Added ? "added" : d instanceof ObjectDifference.Removed ? "removed" : "changed";
            seen.add(kind + " " + d.key().display());
        }
        assertEquals(List.of("removed table app.a", "added table app.c", "changed table app.d",
                "removed index i1 on app.a", "added index i2 on app.b", "added index i4 on app.d"), seen);
        ObjectDifference.Changed changed = (ObjectDifference.Changed) diff.differences().get(2);
        assertEquals(List.of(new FieldDifference("owner", "\"x\"", "\"y\"")), changed.fields());
    }

    @Test
    void identicalSnapshotsHaveNoDifference() {
        List<CatalogObject> objects = List.of(table("a", "{}"), index("i", "a"));
        assertEquals(List.of(), new Differ(ComparisonRules.standard(), ExpressionOracle.TEXT_ONLY)
                .diff(new Snapshot(INFO, objects), new Snapshot(INFO, objects)).differences());
    }
}
