package dev.consolidate.catalog.ddl;

import dev.consolidate.catalog.model.ObjectKey;

/** How statements name an object of each kind (ALTER/COMMENT ON/DROP and GRANT targets). */
final class Targets {
    private Targets() {
    }

    /** The object as ALTER, COMMENT ON and DROP name it: "TABLE app.t", "FUNCTION app.f(integer)". */
    static String of(ObjectKey k) {
        String q = k.schema() == null ? Sql.ident(k.name()) : Sql.qualified(k.schema(), k.name());
        String table = k.parent() == null || k.schema() == null ? null : Sql.qualified(k.schema(), k.parent());
        return switch (k.kind()) {
            case SCHEMA -> "SCHEMA " + Sql.ident(k.name());
            case EXTENSION -> "EXTENSION " + Sql.ident(k.name());
            case COLLATION -> "COLLATION " + q;
            case ENUM, COMPOSITE_TYPE, RANGE_TYPE -> "TYPE " + q;
            case DOMAIN -> "DOMAIN " + q;
            case SEQUENCE -> "SEQUENCE " + q;
            case FUNCTION -> "FUNCTION " + q + "(" + k.signature() + ")";
            case PROCEDURE -> "PROCEDURE " + q + "(" + k.signature() + ")";
            case AGGREGATE -> "AGGREGATE " + q + "(" + k.signature() + ")";
            case OPERATOR -> "OPERATOR " + Sql.ident(k.schema()) + "." + k.name() + " (" + k.signature() + ")";
            case CAST -> "CAST (" + k.name() + ")";
            case TABLE -> "TABLE " + q;
            case VIEW -> "VIEW " + q;
            case MATERIALIZED_VIEW -> "MATERIALIZED VIEW " + q;
            case CONSTRAINT -> "CONSTRAINT " + Sql.ident(k.name()) + " ON " + table;
            case INDEX -> "INDEX " + q;
            case TRIGGER -> "TRIGGER " + Sql.ident(k.name()) + " ON " + table;
            case RULE -> "RULE " + Sql.ident(k.name()) + " ON " + table;
            case POLICY -> "POLICY " + Sql.ident(k.name()) + " ON " + table;
            case STATISTICS -> "STATISTICS " + q;
            case EVENT_TRIGGER -> "EVENT TRIGGER " + Sql.ident(k.name());
            case PUBLICATION -> "PUBLICATION " + Sql.ident(k.name());
            default -> throw new IllegalArgumentException("no statement names a " + k.kind().label());
        };
    }

    /** The object as GRANT names it (views and sequences are TABLE / SEQUENCE, aggregates FUNCTION). */
    static String grant(ObjectKey k) {
        String t = of(k);
        return switch (k.kind()) {
            case VIEW, MATERIALIZED_VIEW -> "TABLE " + Sql.qualified(k.schema(), k.name());
            case AGGREGATE -> "FUNCTION " + t.substring("AGGREGATE ".length());
            default -> t;
        };
    }

    /** The statement dropping the object (IF EXISTS, CASCADE: what it drags along was dropped too). */
    static String drop(ObjectKey k) {
        switch (k.kind()) {
            case CONSTRAINT:
                return "ALTER TABLE IF EXISTS " + Sql.qualified(k.schema(), k.parent()) + " DROP CONSTRAINT IF EXISTS "
                        + Sql.ident(k.name()) + " CASCADE;\n";
            case PUBLICATION_TABLE:
                return "ALTER PUBLICATION " + Sql.ident(k.parent()) + " DROP TABLE " + Sql.qualified(k.schema(), k.name()) + ";\n";
            case POLICY, EVENT_TRIGGER, PUBLICATION, STATISTICS:
                return "DROP " + ifExists(of(k)) + ";\n";
            default:
                return "DROP " + ifExists(of(k)) + " CASCADE;\n";
        }
    }

    /** "TABLE app.t" to "TABLE IF EXISTS app.t" (two-word kinds included). */
    private static String ifExists(String target) {
        for (String word : new String[] {"MATERIALIZED VIEW ", "EVENT TRIGGER "}) {
            if (target.startsWith(word)) {
                return word + "IF EXISTS " + target.substring(word.length());
            }
        }
        int sp = target.indexOf(' ');
        return target.substring(0, sp) + " IF EXISTS" + target.substring(sp);
    }
}
