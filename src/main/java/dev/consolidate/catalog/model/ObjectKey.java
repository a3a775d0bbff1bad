package dev.consolidate.catalog.model;

import java.util.Objects;

/**
 * The identity of a catalog object: kind and schema-qualified name, plus the argument types for
 * routines and operators ({@code signature}) and the table for constraints, indexes, triggers,
 * rules and policies ({@code parent}; the publication for a publication table). Names are raw
 * (unquoted). Absent parts are null.
 */
public record ObjectKey(ObjectKind kind, String schema, String name, String parent, String signature)
        implements Comparable<ObjectKey> {

    public ObjectKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static ObjectKey of(ObjectKind kind, String schema, String name) {
        return new ObjectKey(kind, schema, name, null, null);
    }

    /** Kind, then schema, table, name and signature (absent parts first). Hot in every sort. */
    @Override
    public int compareTo(ObjectKey o) {
        int c = Integer.compare(kind.ordinal(), o.kind.ordinal());
        if (c == 0) {
            c = compare(schema, o.schema);
        }
        if (c == 0) {
            c = compare(parent, o.parent);
        }
        if (c == 0) {
            c = compare(name, o.name);
        }
        if (c == 0) {
            c = compare(signature, o.signature);
        }
        return c;
    }

    /**
     * Written out rather than generated: keys are hashed and compared hundreds of thousands of
     * times per snapshot, and the generated form runs through method handles that the quick
     * compiler does not inline. The kind hashes by its position, so the value is the same in
     * every run.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectKey o && kind == o.kind && Objects.equals(name, o.name) && Objects.equals(schema, o.schema)
                && Objects.equals(parent, o.parent) && Objects.equals(signature, o.signature);
    }

    @Override
    public int hashCode() {
        int h = kind.ordinal();
        h = 31 * h + Objects.hashCode(schema);
        h = 31 * h + name.hashCode();
        h = 31 * h + Objects.hashCode(parent);
        return 31 * h + Objects.hashCode(signature);
    }

    private static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    /** What an auditor reads: "policy p1 on app.subs", "function app.f(integer)". */
    public String display() {
        String label = kind.label();
        switch (kind) {
            case CONSTRAINT, INDEX, TRIGGER, RULE, POLICY:
                return label + " " + name + " on " + qualify(schema, parent);
            case PUBLICATION_TABLE:
                return "table " + qualify(schema, name) + " in publication " + parent;
            case DEFAULT_PRIVILEGES:
                return "default privileges of role " + name + " on " + signature
                        + (schema == null ? " (database-wide)" : " in schema " + schema);
            case MEMBER_PRIVILEGES:
                return "privileges on extension member " + name;
            case UNMODELLED:
                return name;
            case DATABASE_SETTING:
                return "database setting " + name;
            case FUNCTION, PROCEDURE, AGGREGATE:
                return label + " " + qualify(schema, name) + "(" + (signature == null ? "" : signature) + ")";
            case OPERATOR:
                return label + " " + qualify(schema, name) + " (" + signature + ")";
            case SCHEMA:
                return label + " " + name;
            default:
                return label + " " + qualify(schema, name);
        }
    }

    private static String qualify(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    @Override
    public String toString() {
        return display();
    }
}
