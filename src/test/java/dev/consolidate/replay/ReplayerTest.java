package dev.consolidate.replay;

import static dev.consolidate.replay.Histories.file;
import static dev.consolidate.replay.Histories.noTransaction;
import static dev.consolidate.replay.Histories.section;
import static dev.consolidate.replay.Histories.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.history.Migration;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayerTest {
    private final Replayer replayer = new Replayer(new SqlSplitter(), Clock.systemUTC());

    @Test
    void appliesFilesInOrderEachInItsOwnTransactionAndReportsProgress() throws Exception {
        List<String> progress = new ArrayList<>();
        ReplayListener listener = new ReplayListener() {
            @Override
            public void fileStarted(int number, int total, Migration migration) {
                progress.add(number + "/" + total + " " + migration.path());
            }
        };
        try (ScratchDatabase db = TestPostgres.server().create("replay order")) {
            ReplayResult r = replay(db, EnvironmentSpec.none(), listener,
                    file("m/1_a.sql", "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (a int REFERENCES a);"),
                    file("m/2_b.sql", "ALTER TABLE b ADD COLUMN note text;\n-- only a comment\n"));
            assertEquals(List.of("1/2 m/1_a.sql", "2/2 m/2_b.sql"), progress);
            assertEquals(3, r.statements());
            assertEquals(FileMode.TRANSACTION, r.files().get(0).mode());
            assertEquals("2", r.files().get(1).version());
            assertEquals(List.of("note"), columns(db, "b", "note"));
        }
    }

    @Test
    void aFailingStatementDeepInAFileReportsItsLineAndColumn() {
        String sql = "CREATE TABLE submissions (id int PRIMARY KEY);\n"
                + "\n"
                + "-- indexes for the admin queries\n"
                + "CREATE INDEX submissions_id ON submissions (id);\n"
                + "ALTER TABLE submissions\n"
                + "    ADD COLUMN state text;\n"
                + "CREATE VIEW admin_queue AS\n"
                + "    SELECT id, state\n"
                + "    FROM submission;\n";
        try (ScratchDatabase db = TestPostgres.server().create("replay error line")) {
            Problem p = assertThrows(Problem.class, () -> replay(db, EnvironmentSpec.none(), ReplayListener.NONE,
                    file("supabase/migrations/1_init.sql", "CREATE TABLE other (id int);"),
                    file("supabase/migrations/2_add_admin_query_indexes.sql", sql)));
            assertEquals(ExitCode.STEP_FAILED, p.exitCode());
            assertTrue(p.what().startsWith("Replay failed at supabase/migrations/2_add_admin_query_indexes.sql line 9, column 10 (file 2 of 2):\n"
                    + "  relation \"submission\" does not exist (SQLSTATE 42P01)\n"
                    + "  statement: CREATE VIEW admin_queue AS ..."), p.what());
            assertTrue(p.why().startsWith("the migration refers to a table or view"), p.why());
            assertTrue(p.state().contains("1 of 2 migrations applied before this one"), p.state());
            assertFalse(p.render().contains("ADD COLUMN state"), "only the failing statement's first line is shown");
        }
    }

    @Test
    void aDbmateUpSectionReportsFileLinesBelowItsMarker() {
        String file = "-- migrate:up\n"
                + "create table apps (id uuid primary key);\n"
                + "create table builds (app_id uuid);\n"
                + "insert into builds\n"
                + "  select id from app;\n"
                + "\n"
                + "-- migrate:down\n"
                + "drop table builds;\n";
        String up = file.substring(file.indexOf('\n') + 1, file.indexOf("-- migrate:down"));
        try (ScratchDatabase db = TestPostgres.server().create("replay dbmate")) {
            Problem p = assertThrows(Problem.class, () -> replay(db, EnvironmentSpec.none(), ReplayListener.NONE,
                    section("db/migrations/20240101_builds.sql", up, 2)));
            assertTrue(p.what().startsWith("Replay failed at db/migrations/20240101_builds.sql line 5, column 18:"), p.what());
        }
    }

    @Test
    void aStatementThatCannotRunInATransactionTakesItsFileOutOfOne() throws Exception {
        try (ScratchDatabase db = TestPostgres.server().create("replay concurrently")) {
            ReplayResult r = replay(db, EnvironmentSpec.none(), ReplayListener.NONE,
                    file("V1__t.sql", "CREATE TABLE t (id int, name text);"),
                    file("V2__idx.sql", "CREATE INDEX CONCURRENTLY t_name ON t (name);\nCREATE INDEX CONCURRENTLY t_id ON t (id);"),
                    noTransaction("0003-marker.sql", "CREATE INDEX CONCURRENTLY t_both ON t (id, name);"));
            assertEquals(FileMode.NO_TRANSACTION_STATEMENT, r.files().get(1).mode());
            assertEquals(FileMode.NO_TRANSACTION_MARKER, r.files().get(2).mode());
            assertEquals(3, count(db, "SELECT count(*) FROM pg_index WHERE indrelid = 't'::regclass AND indisvalid"));
        }
    }

    @Test
    void anErrorInAFileOutsideATransactionPointsAtItsLineAndKeepsWhatRanBeforeIt() throws Exception {
        String sql = "CREATE TABLE t (id int, name text);\n"
                + "CREATE INDEX CONCURRENTLY t_name ON t (name);\n"
                + "CREATE VIEW named AS\n"
                + "  SELECT id, nam FROM t;\n";
        try (ScratchDatabase db = TestPostgres.server().create("replay concurrently error")) {
            Problem p = assertThrows(Problem.class, () -> replay(db, EnvironmentSpec.none(), ReplayListener.NONE, file("V3__named.sql", sql)));
            assertTrue(p.what().startsWith("Replay failed at V3__named.sql line 4, column 14:\n"
                    + "  column \"nam\" does not exist (SQLSTATE 42703)"), p.what());
            assertEquals(1, count(db, "SELECT count(*) FROM pg_class WHERE relname = 't_name'"),
                    "statement by statement: the index built before the failure stays");
        }
    }

    @Test
    void aFileWithItsOwnBeginAndCommitRunsAsWritten() throws Exception {
        try (ScratchDatabase db = TestPostgres.server().create("replay own tx")) {
            ReplayResult r = replay(db, EnvironmentSpec.none(), ReplayListener.NONE,
                    file("1_own.sql", "BEGIN;\nCREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\nCOMMIT;\n"
                            + "BEGIN;\nINSERT INTO t VALUES (2);\nROLLBACK;\n"),
                    file("2_open.sql", "BEGIN;\nINSERT INTO t VALUES (3);\n"),
                    file("3_after.sql", "INSERT INTO t VALUES (4);"));
            assertEquals(FileMode.OWN_TRANSACTIONS, r.files().get(0).mode());
            assertEquals(3, count(db, "SELECT count(*) FROM t"), "rows 1, 3 and 4: the rolled back one is gone");
            assertTrue(r.files().get(1).notices().get(0).message().contains("left its own transaction open"));
        }
    }

    @Test
    void anErrorInsideAFilesOwnTransactionPointsAtItsLine() {
        try (ScratchDatabase db = TestPostgres.server().create("replay own tx error")) {
            Problem p = assertThrows(Problem.class, () -> replay(db, EnvironmentSpec.none(), ReplayListener.NONE,
                    file("1_own.sql", "BEGIN;\nCREATE TABLE t (id int);\nINSERT INTO t VALUES ('x');\nCOMMIT;\n")));
            assertTrue(p.what().startsWith("Replay failed at 1_own.sql line 3, column 23:\n"
                    + "  invalid input syntax for type integer: \"x\" (SQLSTATE 22P02)"), p.what());
        }
    }

    @Test
    void copyFromStdinDataGoesThroughTheCopyProtocol() throws Exception {
        String sql = "CREATE TABLE plan (id int, name text);\n"
                + "COPY plan (id, name) FROM stdin;\n"
                + "1\tfree\n"
                + "2\tpro\n"
                + "\\.\n"
                + "UPDATE plan SET name = upper(name);\n";
        try (ScratchDatabase db = TestPostgres.server().create("replay copy")) {
            replay(db, EnvironmentSpec.none(), ReplayListener.NONE, file("1_plans.sql", sql));
            assertEquals(2, count(db, "SELECT count(*) FROM plan WHERE name IN ('FREE', 'PRO')"));
        }
    }

    @Test
    void badCopyDataPointsAtTheDataLine() {
        String sql = "CREATE TABLE plan (id int, name text);\n"
                + "COPY plan (id, name) FROM stdin;\n"
                + "1\tfree\n"
                + "two\tpro\n"
                + "\\.\n";
        try (ScratchDatabase db = TestPostgres.server().create("replay copy error")) {
            Problem p = assertThrows(Problem.class, () -> replay(db, EnvironmentSpec.none(), ReplayListener.NONE, file("1_plans.sql", sql)));
            assertTrue(p.what().startsWith("Replay failed at 1_plans.sql line 4, column 1:"), p.what());
        }
    }

    @Test
    void noticesOfASwallowedErrorAreKeptPerFileAndNamedWhenALaterFileFails() {
        String swallowing = "DO $$\nBEGIN\n  ALTER TABLE missing ADD COLUMN x int;\nEXCEPTION WHEN OTHERS THEN\n"
                + "  RAISE NOTICE 'skipped: %', SQLERRM;\nEND\n$$;\n";
        List<FileResult> finished = new ArrayList<>();
        ReplayListener listener = new ReplayListener() {
            @Override
            public void fileFinished(int number, int total, FileResult result) {
                finished.add(result);
            }
        };
        try (ScratchDatabase db = TestPostgres.server().create("replay notices")) {
            Problem p = assertThrows(Problem.class, () -> replay(db, EnvironmentSpec.none(), listener,
                    file("1_swallow.sql", swallowing),
                    file("2_use.sql", "CREATE INDEX ON missing (x);")));
            ServerNotice n = finished.get(0).notices().get(0);
            assertEquals("NOTICE", n.severity());
            assertEquals("skipped: relation \"missing\" does not exist", n.message());
            assertEquals(5, n.line(), "the RAISE inside the DO block");
            assertTrue(p.why().contains("Earlier files raised 1 message (first: 1_swallow.sql line 5: NOTICE: skipped: relation"), p.why());
        }
    }

    @Test
    void anErrorInADoBlockPointsAtTheBlocksLine() {
        String sql = "CREATE TABLE t (id int);\n"
                + "DO $body$\n"
                + "DECLARE\n"
                + "  n int;\n"
                + "BEGIN\n"
                + "  SELECT count(*) INTO n FROM t;\n"
                + "  PERFORM 1 / n;\n"
                + "END\n"
                + "$body$;\n";
        try (ScratchDatabase db = TestPostgres.server().create("replay do line")) {
            Problem p = assertThrows(Problem.class, () -> replay(db, EnvironmentSpec.none(), ReplayListener.NONE, file("1_do.sql", sql)));
            assertTrue(p.what().startsWith("Replay failed at 1_do.sql line 7, column 3:\n  division by zero (SQLSTATE 22012)"), p.what());
            assertTrue(p.what().contains("\n  in: PL/pgSQL function inline_code_block line 6 at PERFORM"), p.what());
        }
    }

    @Test
    void sqlStandardFunctionBodiesReachTheServerWhole() throws Exception {
        String sql = "CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT i + 1;\nEND;\n"
                + "CREATE TABLE t AS SELECT add_one(1) AS two;";
        try (ScratchDatabase db = TestPostgres.server().create("replay atomic")) {
            replay(db, EnvironmentSpec.none(), ReplayListener.NONE, file("1_fn.sql", sql));
            assertEquals(2, count(db, "SELECT two FROM t"));
        }
    }

    @Test
    void aSkippedFileExecutesNothing() throws Exception {
        try (ScratchDatabase db = TestPostgres.server().create("replay skipped")) {
            ReplayResult r = replay(db, EnvironmentSpec.none(), ReplayListener.NONE,
                    skipped("0001-ignored.sql", "-- postgres-migrations ignore\nCREATE TABLE never (id int);"));
            assertEquals(FileMode.SKIPPED, r.files().get(0).mode());
            assertEquals(0, r.files().get(0).statements());
            assertEquals(0, count(db, "SELECT count(*) FROM pg_class WHERE relname = 'never'"));
        }
    }

    @Test
    void sessionSettingsHoldForEveryFile() throws Exception {
        EnvironmentSpec spec = EnvironmentSpec.none().withSessionSettings(Map.of("search_path", "app,public", "app.flag", "on"));
        try (ScratchDatabase db = TestPostgres.server().create("replay settings")) {
            replay(db, spec, ReplayListener.NONE,
                    file("1_schema.sql", "CREATE SCHEMA app;"),
                    file("2_table.sql", "CREATE TABLE flags AS SELECT current_setting('app.flag') AS flag;"));
            assertEquals(1, count(db, "SELECT count(*) FROM app.flags WHERE flag = 'on'"));
        }
    }

    @Test
    void missingExtensionsAreNamedBeforeAnythingRuns() {
        List<Migration> history = List.of(
                file("supabase/migrations/1_setup.sql", "-- vectors\ncreate extension if not exists vector with schema extensions;\n"
                        + "CREATE EXTENSION \"pg_trgm\";\n"),
                file("supabase/migrations/2_http.sql", "\n\ncreate extension http;"),
                file("supabase/migrations/3_again.sql", "create extension vector;"));
        Problem p = assertThrows(Problem.class, () -> replayer.prepare(history, EnvironmentSpec.none(), TestPostgres.server()));
        assertEquals(ExitCode.PRECONDITION, p.exitCode());
        assertTrue(p.what().startsWith("The scratch server (embedded PostgreSQL 15"), p.what());
        assertTrue(p.what().endsWith("lacks 2 extensions the history creates:\n"
                + "  http    created at supabase/migrations/2_http.sql line 3\n"
                + "  vector  created at supabase/migrations/1_setup.sql line 2"), p.what());
        assertTrue(p.fix().contains("--scratch docker:"), p.fix());
        assertEquals("nothing changed: no scratch database was created and production was not touched.", p.state());
    }

    private ReplayResult replay(ScratchDatabase db, EnvironmentSpec spec, ReplayListener listener, Migration... history) {
        PreparedHistory prepared = replayer.prepare(List.of(history), spec, db.server());
        return replayer.replay(db, spec, prepared, listener);
    }

    static int count(ScratchDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> columns(ScratchDatabase db, String table, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); var ps = c.prepareStatement(
                "SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attname = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
