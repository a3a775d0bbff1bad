package dev.consolidate.catalog.parity;

import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.scope.Scope;
import dev.consolidate.replay.Environment;
import java.util.TreeSet;

/**
 * An environment as the replay describes it, plus its full catalog snapshot: the content is what
 * lets the baseline keep a history's changes to environment objects (RLS enabled on auth.users).
 */
public record CapturedEnvironment(Environment environment, Snapshot snapshot) {

    /** The scope a history replayed on this environment is read with. */
    public Scope scope() {
        String profile = environment.profile() == null ? "plain" : environment.profile();
        return new Scope(profile, snapshot, new TreeSet<>(environment.managedSchemas()), new TreeSet<>(), Scope.profileRoles(profile));
    }
}
