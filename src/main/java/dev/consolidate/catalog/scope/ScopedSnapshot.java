package dev.consolidate.catalog.scope;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.problem.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The history's part of a catalog: {@code objects} holds what the history created, changed or
 * dropped (tombstones), {@code environment} what it ran on top of (the baseline writer writes a
 * change against it, and counts on it for default privileges).
 */
public record ScopedSnapshot(Snapshot objects, Snapshot environment, Scope scope) {

    /** The environment's version of an object the history changed, if it is one. */
    public Optional<CatalogObject> environmentVersion(CatalogObject o) {
        return environment.get(o.key());
    }

    /** Objects the snapshot cannot model: each one is a coverage error. */
    public List<CatalogObject> coverageErrors() {
        return objects.unmodelled();
    }

    /** Refuses to go on when something in scope is not modelled: a baseline would silently lose it. */
    public ScopedSnapshot requireCoverage() {
        List<CatalogObject> missing = coverageErrors();
        if (missing.isEmpty()) {
            return this;
        }
        StringBuilder list = new StringBuilder();
        int shown = 0;
        for (CatalogObject o : missing) {
            if (shown++ == 20) {
                list.append("\n  ... and ").append(missing.size() - 20).append(" more");
                break;
            }
            list.append("\n  - ").append(o.key().display()).append(" (").append(o.text("what")).append(')');
        }
        throw Problem.precondition("The catalog holds " + missing.size()
                        + " object(s) of kinds the baseline cannot reproduce:" + list)
                .why("A baseline written without them would silently lose them.")
                .fix("Remove them from the history, or create them outside the migrations (the environment's bootstrap), then run again.")
                .state("Nothing was changed.")
                .build();
    }
}
