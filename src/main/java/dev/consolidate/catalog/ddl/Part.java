package dev.consolidate.catalog.ddl;

import dev.consolidate.catalog.model.ObjectKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of statements for one object, placed as a unit. The first part of an object is its
 * anchor: other objects that depend on the object come after it, and the object's later parts
 * (ownership, grants, ATTACH, REFRESH) follow it. {@code after} names further objects whose
 * anchors must come first; with {@code ownDependenciesOnly} they are the only ones.
 */
record Part(ObjectKey object, Rank rank, String sql, List<ObjectKey> after, boolean ownDependenciesOnly) {

    Part {
        after = List.copyOf(after);
    }

    Part(ObjectKey object, Rank rank, String sql, List<ObjectKey> after) {
        this(object, rank, sql, after, false);
    }

    static Part of(ObjectKey object, Rank rank, String sql) {
        return new Part(object, rank, sql, List.of());
    }

    Part withAfter(ObjectKey key) {
        List<ObjectKey> s = new ArrayList<>(after);
        s.add(key);
        return new Part(object, rank, sql, s, ownDependenciesOnly);
    }

    /**
     * The same part depending only on {@code keys}, not on everything its object depends on: how a
     * CREATE TABLE whose defaults were split out stops waiting for the functions they call.
     */
    Part onlyAfter(List<ObjectKey> keys) {
        return new Part(object, rank, sql, keys, true);
    }
}
