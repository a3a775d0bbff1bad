package dev.consolidate.replay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the environment step put into a scratch database before the first migration: the
 * platform's and the start-up script's objects, not the history's. The catalog leaves these out of
 * a baseline; a database built from the same {@link EnvironmentSpec} holds them again.
 *
 * @param profile         the profile's name, or null
 * @param bootstrapSha256 SHA-256 of the bootstrap file that ran, or null
 * @param sessionSettings the session settings the migrations ran under, in the order applied
 * @param managedSchemas  schemas the profile manages: never created by a baseline, but objects the
 *                        history creates inside them (a trigger on auth.users) are the history's
 * @param roles           roles the environment brought: the profile's, plus any the bootstrap
 *                        created (roles present before it ran on the server are not counted)
 * @param objects         every named object in the database right after the environment step
 *                        (schemas included, PostgreSQL's own catalogs excluded), sorted
 */
public record Environment(String profile, String bootstrapSha256, Map<String, String> sessionSettings,
                          SortedSet<String> managedSchemas, SortedSet<String> roles,
                          SortedSet<EnvironmentObject> objects) {

    public Environment {
        sessionSettings = Collections.unmodifiableMap(new LinkedHashMap<>(sessionSettings));
        managedSchemas = Collections.unmodifiableSortedSet(new TreeSet<>(managedSchemas));
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        objects = Collections.unmodifiableSortedSet(new TreeSet<>(objects));
    }

    /** Whether the environment, not the history, created this object. */
    public boolean provides(String kind, String schema, String name) {
        return objects.contains(new EnvironmentObject(kind, schema, name));
    }

    /** Whether a baseline must not create this schema (the platform manages it, or the environment made it). */
    public boolean ownsSchema(String schema) {
        return managedSchemas.contains(schema) || provides(EnvironmentObject.KIND_SCHEMA, "", schema);
    }
}
