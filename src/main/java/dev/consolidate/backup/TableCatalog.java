package dev.consolidate.backup;

import dev.consolidate.problem.Problem;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves the tables in scope into what COPY needs: leaf partitions for partitioned tables,
 * stored columns, sizes. Two set-based queries whatever the number of tables.
 */
final class TableCatalog {
    private static final String KINDS = """
            SELECT w.ord, c.relkind::text
            FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS w(schema_name, table_name, ord)
            LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = w.schema_name
            LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.table_name
            ORDER BY w.ord
            """;

    private static final String PLANS = """
            WITH wanted AS (
                SELECT c.oid, c.relkind
                FROM unnest(?::text[], ?::text[]) AS w(schema_name, table_name)
                JOIN pg_catalog.pg_namespace n ON n.nspname = w.schema_name
                JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.table_name
            ), stored AS (
                SELECT oid FROM wanted WHERE relkind = 'r'
                UNION
                SELECT t.relid FROM wanted w, LATERAL pg_catalog.pg_partition_tree(w.oid) t
                WHERE w.relkind = 'p' AND t.isleaf
            )
            SELECT n.nspname, c.relname, pg_catalog.pg_relation_size(c.oid), c.relrowsecurity, c.relforcerowsecurity,
                   coalesce((SELECT array_agg(a.attname::text ORDER BY a.attnum)
                             FROM pg_catalog.pg_attribute a
                             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''),
                            '{}')
            FROM stored s
            JOIN pg_catalog.pg_class c ON c.oid = s.oid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r'
            """;

    private TableCatalog() {
    }

    /** The tables to copy, sorted by name; a listed name that does not exist is a Problem. */
    static List<TablePlan> resolve(Connection c, List<TableName> tables) throws SQLException {
        String[] schemas = tables.stream().map(TableName::schema).toArray(String[]::new);
        String[] names = tables.stream().map(TableName::name).toArray(String[]::new);
        List<TableName> missing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(KINDS)) {
            bind(c, ps, schemas, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) == null) {
                        missing.add(tables.get(rs.getInt(1) - 1));
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw Problem.stepFailed("The schema in scope names tables that do not exist: " + missing + ".")
                    .why("The schema was read, then these tables were gone from the catalog: the schema "
                            + "changed while the backup started, or the scope is wrong.")
                    .fix("Run the backup again once no migration is running.")
                    .state("Production was only read; no backup was written.")
                    .build();
        }
        List<TablePlan> plans = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(PLANS)) {
            bind(c, ps, schemas, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array columns = rs.getArray(6);
                    plans.add(new TablePlan(new TableName(rs.getString(1), rs.getString(2)),
                            Arrays.asList((String[]) columns.getArray()), rs.getLong(3), rs.getBoolean(4),
                            rs.getBoolean(5)));
                }
            }
        }
        plans.sort((a, b) -> a.table().compareTo(b.table()));
        return plans;
    }

    private static void bind(Connection c, PreparedStatement ps, String[] schemas, String[] names) throws SQLException {
        ps.setArray(1, c.createArrayOf("text", schemas));
        ps.setArray(2, c.createArrayOf("text", names));
    }
}
