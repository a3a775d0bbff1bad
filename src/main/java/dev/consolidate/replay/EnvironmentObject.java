package dev.consolidate.replay;

import java.util.Comparator;
import java.util.Objects;

/**
 * One named object present in a database once its environment is in place.
 *
 * @param kind   one of the {@code KIND_*} names
 * @param schema the schema, or "" for objects outside schemas (schemas, roles, publications,
 *               event triggers)
 * @param name   the object's name; functions, procedures and aggregates carry their argument
 *               types ({@code foldername(text)}); triggers, policies, rules and constraints are
 *               prefixed by their table ({@code users.on_auth_user_created})
 */
public record EnvironmentObject(String kind, String schema, String name) implements Comparable<EnvironmentObject> {
    public static final String KIND_SCHEMA = "schema";
    public static final String KIND_ROLE = "role";
    public static final String KIND_EXTENSION = "extension";
    public static final String KIND_TABLE = "table";
    public static final String KIND_VIEW = "view";
    public static final String KIND_MATERIALIZED_VIEW = "materialized view";
    public static final String KIND_SEQUENCE = "sequence";
    public static final String KIND_FOREIGN_TABLE = "foreign table";
    public static final String KIND_INDEX = "index";
    public static final String KIND_TYPE = "type";
    public static final String KIND_DOMAIN = "domain";
    public static final String KIND_FUNCTION = "function";
    public static final String KIND_PROCEDURE = "procedure";
    public static final String KIND_AGGREGATE = "aggregate";
    public static final String KIND_CONSTRAINT = "constraint";
    public static final String KIND_TRIGGER = "trigger";
    public static final String KIND_POLICY = "policy";
    public static final String KIND_RULE = "rule";
    public static final String KIND_PUBLICATION = "publication";
    public static final String KIND_EVENT_TRIGGER = "event trigger";

    private static final Comparator<EnvironmentObject> ORDER = Comparator.comparing(EnvironmentObject::kind)
            .thenComparing(EnvironmentObject::schema).thenComparing(EnvironmentObject::name);

    public EnvironmentObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(EnvironmentObject o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return kind + " " + (schema.isEmpty() ? "" : schema + ".") + name;
    }
}
