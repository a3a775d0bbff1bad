package dev.consolidate.catalog.diff;

import java.util.List;

/**
 * The typed result of comparing an expected snapshot with an actual one: per-object differences
 * in key order, per-kind counts, and the rules the comparison followed.
 */
public record SnapshotDiff(List<ObjectDifference> differences, List<KindCount> counts, ComparisonRules rules) {

    public SnapshotDiff {
        differences = List.copyOf(differences);
        counts = List.copyOf(counts);
    }

    /** Parity: nothing added, removed or changed. */
    public boolean isEmpty() {
        return differences.isEmpty();
    }
}
