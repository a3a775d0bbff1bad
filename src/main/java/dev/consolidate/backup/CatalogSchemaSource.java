package dev.consolidate.backup;

import dev.consolidate.catalog.ddl.Baseline;
import dev.consolidate.catalog.ddl.BaselineOptions;
import dev.consolidate.catalog.ddl.BaselineWriter;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.catalog.scope.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
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
        Snapshot snapshot = reader.readInTransaction(connection);
        Baseline b = write(snapshot);
        return new SchemaScope(databaseSettingsNote(snapshot) + b.preData(), b.postData(), tables(b),
                b.sequences().stream().map(s -> new TableName(s.schema(), s.name())).distinct().sorted().toList());
    }

    /**
     * Database-level settings (ALTER DATABASE ... SET) belong to the database, not to its schema: a
     * restore goes into another database. They are treated as environment, and listed at the top of
     * the pre-data as comments so whoever restores can set them on the new database.
     */
    private Baseline write(Snapshot snapshot) {
        List<CatalogObject> settings = databaseSettings(snapshot);
        Scope s = scope;
        if (!settings.isEmpty()) {
            List<CatalogObject> env = new ArrayList<>(scope.environment().objects());
            env.addAll(settings);
            s = new Scope(scope.profile(), new Snapshot(scope.environment().info(), env), scope.platformSchemas(),
                    scope.excludedTables());
        }
        return writer.write(s.apply(snapshot), options);
    }

    private static List<CatalogObject> databaseSettings(Snapshot snapshot) {
        return snapshot.unmodelled().stream().filter(o -> "database setting".equals(o.text("what"))).toList();
    }

    private static String databaseSettingsNote(Snapshot snapshot) {
        List<CatalogObject> settings = databaseSettings(snapshot);
        if (settings.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("-- Database settings of the source (not restored; set them on the new database\n"
                + "-- with ALTER DATABASE <name> SET ... if it needs them):\n");
        settings.forEach(o -> sb.append("--   ").append(o.key().name().replace('\n', ' ')).append('\n'));
        return sb.append('\n').toString();
    }

    private static List<TableName> tables(Baseline b) {
        return b.tables().stream().map(t -> new TableName(t.schema(), t.name())).distinct().sorted().toList();
    }
}
