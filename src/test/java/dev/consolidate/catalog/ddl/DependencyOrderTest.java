package dev.consolidate.catalog.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.problem.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {
    private static final ObjectKey TABLE = ObjectKey.of(ObjectKind.TABLE, "a", "t");
    private static final ObjectKey PK = new ObjectKey(ObjectKind.CONSTRAINT, "a", "t_pkey", "t", null);
    private static final ObjectKey VIEW = ObjectKey.of(ObjectKind.VIEW, "a", "v");
    private static final ObjectKey OTHER = ObjectKey.of(ObjectKind.VIEW, "a", "w");

    @Test
    void aViewNeedingAPrimaryKeyMovesAfterTheDataWithWhatNeedsIt() {
        Map<ObjectKey, CatalogObject> objects = Map.of(
                TABLE, CatalogObject.of(TABLE, "{}", null, List.of()),
                PK, CatalogObject.of(PK, "{}", null, List.of(TABLE)),
                VIEW, CatalogObject.of(VIEW, "{}", null, List.of(PK)),
                OTHER, CatalogObject.of(OTHER, "{}", null, List.of(VIEW)));
        List<DependencyOrder.Placed> placed = DependencyOrder.order(List.of(
                Part.of(OTHER, Rank.VIEW, "w"), Part.of(VIEW, Rank.VIEW, "v"), Part.of(PK, Rank.CONSTRAINT, "pk"),
                Part.of(TABLE, Rank.TABLE, "t")), objects);
        assertEquals(List.of("t", "pk", "v", "w"), placed.stream().map(p -> p.part().sql()).toList());
        assertEquals(List.of(Phase.PRE_DATA, Phase.POST_DATA, Phase.POST_DATA, Phase.POST_DATA),
                placed.stream().map(DependencyOrder.Placed::phase).toList());
    }

    @Test
    void aCycleIsAProblemNamingTheObjects() {
        Map<ObjectKey, CatalogObject> objects = Map.of(
                VIEW, CatalogObject.of(VIEW, "{}", null, List.of(OTHER)),
                OTHER, CatalogObject.of(OTHER, "{}", null, List.of(VIEW)));
        DependencyOrder.Cycle c = assertThrows(DependencyOrder.Cycle.class, () -> DependencyOrder.order(
                List.of(Part.of(VIEW, Rank.VIEW, "v"), Part.of(OTHER, Rank.VIEW, "w")), objects));
        assertEquals(java.util.Set.of(VIEW, OTHER), c.objects());
        Problem p = c.problem();
        assertTrue(p.what().contains("view a.v, view a.w"), p.what());
    }
}
