package dev.consolidate.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Cheap independent fingerprints of a database, for "nothing was written" assertions. */
public final class Catalogs {
    private Catalogs() {
    }

    /**
     * A hash over every relation, column, routine and constraint definition outside the system
     * schemas, plus the number of rows written in the database since its statistics began.
     */
    public static String fingerprint(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT md5(coalesce(string_agg(x, E'\\n' ORDER BY x), '')) FROM (
                  SELECT format('%s.%s %s', n.nspname, c.relname, c.relkind) AS x
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                  UNION ALL
                  SELECT format('%s.%s.%s %s', n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod))
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                     AND n.nspname NOT LIKE 'pg_toast%'
                  UNION ALL
                  SELECT pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND p.prokind IN ('f', 'p')
                  UNION ALL
                  SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                   WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
                ) q""")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every row of a table as JSON, sorted: equal strings mean byte-identical rows. */
    public static String rows(Connection c, String qualifiedTable) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text), '') FROM "
                        + qualifiedTable + " t")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
