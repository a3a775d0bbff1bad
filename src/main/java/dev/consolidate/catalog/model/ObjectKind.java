package dev.consolidate.catalog.model;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of catalog object a snapshot models, in report order. {@link #UNMODELLED} holds what
 * the catalog contains but the snapshot cannot describe: it exists so coverage errors travel with
 * the snapshot instead of being dropped on the floor.
 */
public enum ObjectKind {
    ROLE("role", "roles"),
    SCHEMA("schema", "schemas"),
    EXTENSION("extension", "extensions"),
    COLLATION("collation", "collations"),
    ENUM("enum", "enums"),
    DOMAIN("domain", "domains"),
    COMPOSITE_TYPE("composite_type", "composite types"),
    RANGE_TYPE("range_type", "range types"),
    SEQUENCE("sequence", "sequences"),
    FUNCTION("function", "functions"),
    PROCEDURE("procedure", "procedures"),
    AGGREGATE("aggregate", "aggregates"),
    OPERATOR("operator", "operators"),
    CAST("cast", "casts"),
    TABLE("table", "tables"),
    VIEW("view", "views"),
    MATERIALIZED_VIEW("materialized_view", "materialized views"),
    CONSTRAINT("constraint", "constraints"),
    INDEX("index", "indexes"),
    TRIGGER("trigger", "triggers"),
    RULE("rule", "rules"),
    POLICY("policy", "policies"),
    STATISTICS("statistics", "statistics objects"),
    EVENT_TRIGGER("event_trigger", "event triggers"),
    PUBLICATION("publication", "publications"),
    PUBLICATION_TABLE("publication_table", "publication tables"),
    DEFAULT_PRIVILEGES("default_privileges", "default privileges"),
    MEMBER_PRIVILEGES("member_privileges", "privileges on extension members"),
    DATABASE_SETTING("database_setting", "database settings"),
    UNMODELLED("unmodelled", "unmodelled objects");

    private static final Map<String, ObjectKind> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ObjectKind::id, Function.identity()));

    private final String id;
    private final String plural;

    ObjectKind(String id, String plural) {
        this.id = id;
        this.plural = plural;
    }

    /** The name used in catalog queries and in the JSON form. */
    public String id() {
        return id;
    }

    /** Singular words for reports ("materialized view"). */
    public String label() {
        return id.replace('_', ' ');
    }

    public String plural() {
        return plural;
    }

    public static ObjectKind fromId(String id) {
        ObjectKind k = BY_ID.get(id);
        if (k == null) {
            throw new IllegalArgumentException("unknown object kind: " + id);
        }
        return k;
    }

    /** Kinds whose identity includes the table they belong to. */
    public boolean belongsToTable() {
        return this == CONSTRAINT || this == INDEX || this == TRIGGER || this == RULE || this == POLICY;
    }
}
