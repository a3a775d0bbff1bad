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

    private EmptyDatabase() {
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
