package dev.consolidate.db;

import java.util.regex.Pattern;

/**
 * The one quoting function for SQL identifiers. Values never go into SQL text: they are bind
 * parameters. Identifiers go through {@link #quote(String)} and nothing else.
 */
public final class Identifiers {
    private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Identifiers() {
    }

    /** Always double-quotes, doubling embedded quotes: the form that is correct for any name. */
    public static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains NUL");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * Quotes only when needed, for readable generated SQL: lower-case names that are not
     * keywords stay bare. {@code keyword} tells whether PostgreSQL reserves the word.
     */
    public static String quoteIfNeeded(String identifier, java.util.function.Predicate<String> keyword) {
        if (SAFE.matcher(identifier).matches() && !keyword.test(identifier)) {
            return identifier;
        }
        return quote(identifier);
    }

    /** schema.name, each part quoted. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }
}
