package dev.consolidate.backup;

import dev.consolidate.db.Identifiers;
import java.util.Comparator;
import java.util.Objects;

/**
 * A schema-qualified relation name (a table or a sequence), as the catalog stores it: unquoted,
 * case preserved.
 */
public record TableName(String schema, String name) implements Comparable<TableName> {
    private static final Comparator<TableName> ORDER =
            Comparator.comparing(TableName::schema).thenComparing(TableName::name);

    public TableName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** The name as SQL text, each part quoted by the one quoting function. */
    public String sql() {
        return Identifiers.qualified(schema, name);
    }

    /** schema.name for messages. */
    @Override
    public String toString() {
        return schema + "." + name;
    }

    @Override
    public int compareTo(TableName other) {
        return ORDER.compare(this, other);
    }
}
