package dev.consolidate.catalog.ddl;

/**
 * A table the baseline creates: raw schema and name, the SQL-ready {@code qualifiedName}, whether
 * it is partitioned (it holds no rows itself) or a partition (its rows can be loaded directly).
 */
public record TableRef(String schema, String name, String qualifiedName, boolean partitioned, boolean partition) {
}
