package dev.consolidate.catalog.ddl;

import dev.consolidate.db.Identifiers;

/**
 * Text helpers for generated DDL. Identifiers go through {@link Identifiers} (quoted only when
 * needed, for readability); values that are part of a definition (comments, enum labels) become
 * standard string literals.
 */
final class Sql {
    private Sql() {
    }

    static String ident(String name) {
        return Identifiers.quoteIfNeeded(name, Keywords::needsQuoting);
    }

    static String qualified(String schema, String name) {
        return schema == null ? ident(name) : ident(schema) + "." + ident(name);
    }

    /** A role name as GRANT/OWNER TO accept it; "public" is the PUBLIC pseudo-role. */
    static String role(String name) {
        return name.isEmpty() ? "PUBLIC" : ident(name);
    }

    /** A standard-conforming string literal. */
    static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("string contains NUL");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** The body between dollar quotes whose tag does not occur in it. */
    static String dollarQuoted(String body) {
        String tag = "$_$";
        int n = 0;
        while (body.contains(tag)) {
            tag = "$_" + (++n) + "$";
        }
        return tag + body + tag;
    }
}
