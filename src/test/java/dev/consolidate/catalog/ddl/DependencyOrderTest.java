package dev.consolidate.catalog.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.model.SnapshotInfo;
import dev.consolidate.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {
    private static final ObjectKey TABLE = ObjectKey.of(ObjectKind.TABLE, "a", "t");
    private static final ObjectKey PK = new ObjectKey(ObjectKind.CONSTRAINT, "a", "t_pkey", "t", null);
    private static final ObjectKey VIEW = ObjectKey.of(ObjectKind.VIEW, "a", "v");
    private static final ObjectKey OTHER = ObjectKey.of(ObjectKind.VIEW, "a", "w");

    @Test
    void aViewNeedingAPrimaryKeyMovesAfterTheDataWithWhatNeedsIt() {
        Snapshot objects = snapshot(
                CatalogObject.of(TABLE, "{}", null, List.of()),
                CatalogObject.of(PK, "{}", null, List.of(TABLE)),
                CatalogObject.of(VIEW, "{}", null, List.of(PK)),
                CatalogObject.of(OTHER, "{}", null, List.of(VIEW)));
        List<DependencyOrder.Placed> placed = DependencyOrder.order(List.of(
                Part.of(OTHER, Rank.VIEW, "w"), Part.of(VIEW, Rank.VIEW, "v"), Part.of(PK, Rank.CONSTRAINT, "pk"),
                Part.of(TABLE, Rank.TABLE, "t")), objects);
        assertEquals(List.of("t", "pk", "v", "w"), placed.stream().map(p -> p.part().sql()).toList());
        assertEquals(List.of(Phase.PRE_DATA, Phase.POST_DATA, Phase.POST_DATA, Phase.POST_DATA),
                placed.stream().map(DependencyOrder.Placed::phase).toList());
    }

    @Test
    void aCycleIsAProblemNamingTheObjects() {
        Snapshot objects = snapshot(
                CatalogObject.of(VIEW, "{}", null, List.of(OTHER)),
                CatalogObject.of(OTHER, "{}", null, List.of(VIEW)));
        DependencyOrder.Cycle c = assertThrows(DependencyOrder.Cycle.class, () -> DependencyOrder.order(
                List.of(Part.of(VIEW, Rank.VIEW, "v"), Part.of(OTHER, Rank.VIEW, "w")), objects));
        assertEquals(java.util.Set.of(VIEW, OTHER), c.objects());
        Problem p = c.problem();
        assertTrue(p.what().contains("view a.v, view a.w"), p.what());
    }

    private static Snapshot snapshot(CatalogObject... objects) {
        return new Snapshot(new SnapshotInfo(150000, "15", "postgres"), List.of(objects));
    }
}
