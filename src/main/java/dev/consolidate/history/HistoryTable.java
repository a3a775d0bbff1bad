package dev.consolidate.history;

import dev.consolidate.db.Identifiers;
import java.util.Objects;

/**
 * Where a tool keeps its history.
 *
 * @param schema the schema, or null for "the connection's current schema" (resolved when read)
 * @param name   the table name
 */
public record HistoryTable(String schema, String name) {
    public HistoryTable {
        Objects.requireNonNull(name, "name");
    }

    public HistoryTable inSchema(String resolved) {
        return new HistoryTable(resolved, name);
    }

    /** "schema"."name", quoted; the schema must be resolved. */
    public String qualified() {
        if (schema == null) {
            throw new IllegalStateException("schema of " + name + " not resolved");
        }
        return Identifiers.qualified(schema, name);
    }

    @Override
    public String toString() {
        return (schema == null ? "" : schema + ".") + name;
    }
}
