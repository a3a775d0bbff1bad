package dev.consolidate.backup;

import java.util.List;
import java.util.Objects;

/**
 * The schema in scope, split the way a restore needs it.
 *
 * @param preDataSql  schemas, extensions, types, functions, tables and sequences: everything rows
 *                    need before they can be loaded
 * @param postDataSql indexes, constraints, foreign keys, triggers, policies: built after the rows,
 *                    once, instead of being maintained row by row
 * @param tables      tables in scope; a partitioned table stands for its leaf partitions
 * @param sequences   sequences in scope, including those behind identity and serial columns
 */
public record SchemaScope(String preDataSql, String postDataSql, List<TableName> tables, List<TableName> sequences) {
    public SchemaScope {
        Objects.requireNonNull(preDataSql, "preDataSql");
        Objects.requireNonNull(postDataSql, "postDataSql");
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }
}
