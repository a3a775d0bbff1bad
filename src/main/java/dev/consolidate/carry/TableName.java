package dev.consolidate.carry;

import dev.consolidate.db.Identifiers;
import dev.consolidate.problem.Problem;
import dev.consolidate.sql.Lexeme;
import dev.consolidate.sql.Lexemes;
import java.util.List;
import java.util.Objects;

/**
 * A table as a statement names it: an unqualified name stands for a table of that name in any
 * schema (the search_path that resolved it is not known), so two names match unless both are
 * qualified with different schemas.
 *
 * @param schema the schema written, or null
 * @param name   the table's name (folded to lower case unless quoted)
 */
record TableName(String schema, String name) {
    TableName {
        Objects.requireNonNull(name, "name");
    }

    boolean matches(TableName other) {
        return name.equals(other.name) && (schema == null || other.schema == null || schema.equals(other.schema));
    }

    /** The name at {@code i} (name or schema.name), or null when no name is there. */
    static TableName at(List<Lexeme> t, int i) {
        if (i >= t.size() || !t.get(i).isName()) {
            return null;
        }
        if (i + 2 < t.size() && t.get(i + 1).isPunct('.') && t.get(i + 2).isName()) {
            return new TableName(t.get(i).value(), t.get(i + 2).value());
        }
        return new TableName(null, t.get(i).value());
    }

    /** How many tokens the name at {@code i} takes. */
    int width() {
        return schema == null ? 1 : 3;
    }

    /** The name quoted for SQL (to_regclass and friends): exactly the table the statement named. */
    String sql() {
        return (schema == null ? "" : Identifiers.quote(schema) + ".") + Identifiers.quote(name);
    }

    /** The name written in {@code text} ("storage.buckets", "\"Users\""), or null when none can be read. */
    static TableName parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return at(Lexemes.of(text), 0);
        } catch (Problem unreadable) {
            return null;
        }
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
