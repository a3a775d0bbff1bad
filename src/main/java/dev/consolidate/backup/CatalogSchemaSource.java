package dev.consolidate.backup;

import dev.consolidate.catalog.ddl.Baseline;
import dev.consolidate.catalog.ddl.BaselineOptions;
import dev.consolidate.catalog.ddl.BaselineWriter;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.catalog.scope.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The schema in scope as the catalog engine sees it: production's catalog, scoped like the
 * history (platform objects of the environment left out), written by the baseline writer as
 * pre-data and post-data. Keep the migration tool's history table in the scope given here, so
 * that a restore brings it back with its rows.
 */
public final class CatalogSchemaSource implements SchemaSource {
    private final CatalogReader reader;
    private final Scope scope;
    private final BaselineWriter writer;
    private final BaselineOptions options;

    public CatalogSchemaSource(CatalogReader reader, Scope scope, BaselineWriter writer, BaselineOptions options) {
        this.reader = reader;
        this.scope = scope;
        this.writer = writer;
        this.options = options;
    }

    /** Reads the catalog in a transaction of its own: the coordinator is still in autocommit mode here. */
    @Override
    public List<TableName> tables(Connection connection) throws SQLException {
        return tables(write(reader.read(connection)));
    }

    @Override
    public SchemaScope read(Connection connection) throws SQLException {
        Baseline b = write(reader.readInTransaction(connection));
        return new SchemaScope(b.preData(), b.postData(), tables(b),
                b.sequences().stream().map(s -> new TableName(s.schema(), s.name())).distinct().sorted().toList());
    }

    private Baseline write(Snapshot snapshot) {
        return writer.write(scope.apply(snapshot), options);
    }

    private static List<TableName> tables(Baseline b) {
        return b.tables().stream().map(t -> new TableName(t.schema(), t.name())).distinct().sorted().toList();
    }
}
