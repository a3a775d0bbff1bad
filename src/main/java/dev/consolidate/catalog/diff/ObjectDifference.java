package dev.consolidate.catalog.diff;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import java.util.List;

/** How one object differs between the expected snapshot and the actual one. */
public sealed interface ObjectDifference extends Comparable<ObjectDifference>
        permits ObjectDifference.Added, ObjectDifference.Removed, ObjectDifference.Changed {

    ObjectKey key();

    @Override
    default int compareTo(ObjectDifference o) {
        return key().compareTo(o.key());
    }

    /** Only in the actual snapshot. */
    record Added(CatalogObject object) implements ObjectDifference {
        @Override
        public ObjectKey key() {
            return object.key();
        }
    }

    /** Only in the expected snapshot: the actual one lost it. */
    record Removed(CatalogObject object) implements ObjectDifference {
        @Override
        public ObjectKey key() {
            return object.key();
        }
    }

    /** In both, with these fields different. */
    record Changed(CatalogObject expected, CatalogObject actual, List<FieldDifference> fields) implements ObjectDifference {
        public Changed {
            fields = List.copyOf(fields);
        }

        @Override
        public ObjectKey key() {
            return expected.key();
        }
    }
}
