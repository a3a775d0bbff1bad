package dev.consolidate.catalog.parity;

import dev.consolidate.catalog.diff.SnapshotDiff;
import dev.consolidate.catalog.scope.ScopedSnapshot;

/**
 * A baseline applied to a fresh environment and compared with its source: {@code diff} is empty
 * when the baseline rebuilds the source exactly; {@code rebuilt} is what it built.
 */
public record ParityResult(SnapshotDiff diff, ScopedSnapshot rebuilt) {

    public boolean holds() {
        return diff.isEmpty();
    }
}
