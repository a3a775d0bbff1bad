package dev.consolidate.backup;

import dev.consolidate.problem.Problem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A restore goes only into a database holding nothing of its own: loading a schema and its rows
 * over existing objects could fail half-way or, worse, mix two databases' rows.
 */
final class EmptyDatabase {
    private static final int SHOWN = 10;

    // What a database created from template0 does not have: user schemas, relations, routines,
    // types (not the row types of relations, nor array types) and extensions other than plpgsql.
    private static final String FOUND = """
            WITH user_ns AS (
                SELECT oid, nspname FROM pg_catalog.pg_namespace
                WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%'
                  AND nspname NOT LIKE 'pg\\_temp\\_%'
            )
            SELECT kind, name FROM (
                SELECT 'schema' AS kind, nspname::text AS name FROM user_ns WHERE nspname <> 'public'
                UNION ALL
                SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                                      WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' ELSE 'table' END,
                       n.nspname || '.' || c.relname
                FROM pg_catalog.pg_class c JOIN user_ns n ON n.oid = c.relnamespace
                UNION ALL
                SELECT 'function', n.nspname || '.' || p.proname
                FROM pg_catalog.pg_proc p JOIN user_ns n ON n.oid = p.pronamespace
                UNION ALL
                SELECT 'type', n.nspname || '.' || t.typname
                FROM pg_catalog.pg_type t JOIN user_ns n ON n.oid = t.typnamespace
                WHERE t.typrelid = 0 AND NOT (t.typelem <> 0 AND t.typlen = -1)
                UNION ALL
                SELECT 'extension', extname::text FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql'
            ) found
            ORDER BY kind, name
            """;

    private static final String EXISTING = """
            SELECT w.schema_name || '.' || w.table_name
            FROM unnest(?::text[], ?::text[]) AS w(schema_name, table_name)
            JOIN pg_catalog.pg_namespace n ON n.nspname = w.schema_name
            JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.table_name
            ORDER BY 1
            """;

    private EmptyDatabase() {
    }

    /**
     * For a target that holds its environment already (a new Supabase project): refuses it when
     * any table the backup loads exists there.
     */
    static void requireNone(Connection c, List<TableName> tables) throws SQLException {
        List<String> found = new ArrayList<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement(EXISTING)) {
            ps.setArray(1, c.createArrayOf("text", tables.stream().map(TableName::schema).toArray()));
            ps.setArray(2, c.createArrayOf("text", tables.stream().map(TableName::name).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        if (!found.isEmpty()) {
            throw Problem.precondition("The target database already holds tables of the backup: "
                            + String.join(", ", found.subList(0, Math.min(SHOWN, found.size())))
                            + (found.size() > SHOWN ? ", ..." : "") + ".")
                    .why("A restore creates these tables and loads their rows; over existing ones it would fail "
                            + "half-way or mix two databases' rows.")
                    .fix("Restore into a database that holds only its environment (a new project, or a database "
                            + "prepared with the same bootstrap).")
                    .state("Nothing was changed in the target database.")
                    .build();
        }
    }

    static void require(Connection c) throws SQLException {
        List<String> found = new ArrayList<>();
        int total = 0;
        String database;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            try (ResultSet rs = s.executeQuery(FOUND)) {
                while (rs.next()) {
                    if (found.size() < SHOWN) {
                        found.add(rs.getString(1) + " " + rs.getString(2));
                    }
                    total++;
                }
            }
        }
        if (total > 0) {
            throw Problem.precondition("The target database \"" + database + "\" is not empty: it holds " + total
                            + " object" + (total == 1 ? "" : "s") + " (" + String.join(", ", found)
                            + (total > found.size() ? ", ..." : "") + ").")
                    .why("A restore recreates the backup's schema and rows; over existing objects it would fail "
                            + "half-way or mix two databases' rows.")
                    .fix("Create an empty database (CREATE DATABASE name TEMPLATE template0) and restore into it.")
                    .state("Nothing was changed in the target database.")
                    .build();
        }
    }
}
