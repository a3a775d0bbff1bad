package dev.consolidate.check;

import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A standalone SQL script that a DBA runs with psql against any environment to verify it against
 * the catalog a history builds, with no Java: it recomputes every object's description with the
 * catalog engine's own queries inside one read-only transaction, compares the hashes with those
 * embedded here, prints one line per object that is missing, unexpected or different (naming the
 * fields), and ends with an error (psql exits 3) when any line was printed. A matching database
 * prints nothing and exits 0.
 *
 * <p>Limits, stated in the script: expressions are compared as the server prints them, without
 * the round trip {@code --check} uses, so a database on another major may show false differences;
 * ownership and privileges are always compared (no {@code --no-owner}); PostgreSQL 15 or newer and
 * psql 13 or newer.
 */
public final class VerifyScript {
    private VerifyScript() {
    }

    /**
     * @param history    the history's label
     * @param migrations how many migrations built the catalog
     * @param major      the major of the server the history was replayed on
     */
    public record Origin(String history, int migrations, int major) {
    }

    public static String render(ScopedSnapshot baseline, Origin origin) {
        int objects = baseline.objects().size();
        StringBuilder sb = new StringBuilder();
        sb.append("-- Schema verification script written by consolidate (--emit-verify-sql). Regenerate it; do not edit it.\n");
        sb.append("--\n");
        sb.append("-- Expected: the catalog that ").append(oneLine(origin.history())).append(" builds (").append(origin.migrations())
                .append(origin.migrations() == 1 ? " migration" : " migrations").append(", replayed on PostgreSQL ")
                .append(origin.major()).append("): ").append(objects).append(objects == 1 ? " object" : " objects")
                .append(", fingerprint ").append(baseline.objects().fingerprint()).append(".\n");
        sb.append("""
                --
                -- Run it against any environment (psql 13 or newer, PostgreSQL 15 or newer):
                --   psql -X -f verify-schema-sync.sql "postgresql://USER@HOST:5432/DB"
                -- A database that matches prints nothing and psql exits 0. Otherwise every object that is
                -- missing, unexpected or different (with its fields) is printed on its own line, and the
                -- script ends with an error, so psql exits 3.
                --
                -- It only reads: one read-only transaction, no object created, nothing written. Each object's
                -- description is computed with the same catalog queries consolidate uses and hashed inside the
                -- database; only hashes are embedded below, never definitions.
                --
                -- Scope: the objects the history creates, changes or drops. What the environment provides
                -- before the first migration (listed below with its hashes) is left out while it is unchanged;
                -- platform schemas the environment does not set up and the migration tool's history table are
                -- left out. Rows are never compared.
                --
                -- Limits: texts are compared as the server prints them, without the round trip consolidate
                -- --check uses to settle expressions that only print differently, so a server of another major
                -- may show differences (the script warns when the major differs). Ownership and privileges are
                -- always compared.

                \\set ON_ERROR_STOP on
                \\set QUIET on
                \\encoding UTF8
                \\pset pager off
                \\pset format unaligned
                \\pset tuples_only on
                \\pset footer off
                SET standard_conforming_strings = on;
                BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;
                -- Deparsed names are qualified the same way whatever the database's search_path.
                SET LOCAL search_path = '';
                -- Compiling the thousands of embedded expressions would cost far more than running them.
                SET LOCAL jit = off;
                """);
        sb.append("SELECT current_setting('server_version_num')::int / 10000 < 15 AS consolidate_too_old,\n")
                .append("       current_setting('server_version_num')::int / 10000 <> ").append(origin.major())
                .append(" AS consolidate_other_major,\n")
                .append("       current_setting('server_version') AS consolidate_server_version \\gset\n");
        sb.append("""
                \\if :consolidate_too_old
                DO $consolidate$ BEGIN RAISE EXCEPTION 'this script needs PostgreSQL 15 or newer'; END $consolidate$;
                \\endif
                \\if :consolidate_other_major
                """);
        sb.append("\\warn consolidate verify: this database runs PostgreSQL :consolidate_server_version, the expected catalog was read on ")
                .append(origin.major()).append(": differences may only be printed differently.\n");
        sb.append("\\endif\n\n");
        sb.append(VerifyQuery.text(baseline)).append(";\n\n");
        sb.append("""
                SELECT :ROW_COUNT AS consolidate_mismatches, :ROW_COUNT > 0 AS consolidate_drift \\gset
                ROLLBACK;
                \\if :consolidate_drift
                \\warn consolidate verify: :consolidate_mismatches object(s) differ from the catalog the history builds.
                DO $consolidate$ BEGIN RAISE EXCEPTION 'schema drift: the objects listed above differ from the catalog the history builds'; END $consolidate$;
                \\endif
                """);
        return sb.toString();
    }

    /** Writes the script atomically. */
    public static void write(Path file, ScopedSnapshot baseline, Origin origin) {
        try {
            AtomicFiles.writeString(file, render(baseline, origin));
        } catch (IOException e) {
            throw Problem.usage("Could not write the verify script " + file + ": " + e.getMessage())
                    .why("--emit-verify-sql names the file the script is written to.")
                    .fix("Check the folder exists and is writable, or name another file.")
                    .state("No database was written to; no script was written.")
                    .cause(e)
                    .build();
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
