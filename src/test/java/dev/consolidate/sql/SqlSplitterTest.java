package dev.consolidate.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    private final SqlSplitter splitter = new SqlSplitter();

    private List<String> texts(String sql) {
        return splitter.split("t.sql", sql).stream().map(Statement::text).toList();
    }

    private Statement only(String sql) {
        List<Statement> all = splitter.split("t.sql", sql);
        assertEquals(1, all.size(), () -> "expected one statement in " + sql + " but got " + all);
        return all.get(0);
    }

    @Test
    void cutsAtSemicolonsAndDropsLeadingCommentsAndEmptyStatements() {
        assertEquals(List.of("CREATE TABLE a (id int)", "SELECT 1"),
                texts("-- header\nCREATE TABLE a (id int);;\n\n/* between */ SELECT 1;\n-- trailer\n"));
    }

    @Test
    void keepsTheLastStatementWithoutFinalSemicolon() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1;\nSELECT 2\n  "));
    }

    @Test
    void dollarQuotesInsideAStringDoNotOpenABody() {
        assertEquals(List.of("SELECT '$$'", "SELECT 2"), texts("SELECT '$$'; SELECT 2;"));
    }

    @Test
    void semicolonInsideQuotedIdentifier() {
        assertEquals(List.of("CREATE TABLE \"a;b\" (\"x\"\"y;\" int)", "SELECT 1"),
                texts("CREATE TABLE \"a;b\" (\"x\"\"y;\" int); SELECT 1"));
    }

    @Test
    void quotesInsideCommentsAreIgnored() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts("-- it's here\nSELECT 1; /* don't; \"x */ SELECT 2;"));
    }

    @Test
    void standardStringsDoubleQuotesAndKeepBackslashesLiteral() {
        assertEquals(List.of("SELECT 'it''s; fine'", "SELECT 'a\\'", "SELECT 2"),
                texts("SELECT 'it''s; fine'; SELECT 'a\\'; SELECT 2"));
    }

    @Test
    void extendedStringsEscapeWithBackslash() {
        assertEquals(List.of("SELECT E'\\''", "SELECT e'x\\\\'", "SELECT E'it\\'s; ok'", "SELECT 2"),
                texts("SELECT E'\\''; SELECT e'x\\\\'; SELECT E'it\\'s; ok'; SELECT 2"));
    }

    @Test
    void unicodeAndBitStringsAndIdentifiers() {
        assertEquals(List.of("SELECT U&'d\\0061t;a' AS U&\"x;y\"", "SELECT B'01', X'1F', N'n;'", "SELECT 3"),
                texts("SELECT U&'d\\0061t;a' AS U&\"x;y\"; SELECT B'01', X'1F', N'n;'; SELECT 3"));
    }

    @Test
    void dollarQuotesWithTagsNest() {
        String fn = "CREATE FUNCTION f() RETURNS int AS $fn$\nBEGIN\n  PERFORM $q$;$q$; RETURN $$x;$$::int;\nEND;\n$fn$ LANGUAGE plpgsql";
        assertEquals(List.of(fn, "SELECT 1"), texts(fn + ";\nSELECT 1;"));
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        assertEquals(List.of("PREPARE p(int) AS SELECT $1", "SELECT $2::text", "SELECT 3"),
                texts("PREPARE p(int) AS SELECT $1; SELECT $2::text;SELECT 3"));
    }

    @Test
    void dollarInsideAnIdentifierIsNotAQuote() {
        assertEquals(List.of("SELECT a$b$ FROM t", "SELECT 2"), texts("SELECT a$b$ FROM t; SELECT 2"));
    }

    @Test
    void nestedBlockComments() {
        String sql = "/* a /* b; */ still comment; */ SELECT 1; SELECT 2";
        List<Statement> all = splitter.split("t.sql", sql);
        assertEquals(List.of("SELECT 1", "SELECT 2"), all.stream().map(Statement::text).toList());
        assertEquals(sql.indexOf("SELECT 1"), all.get(0).offset());
    }

    @Test
    void beginAtomicBodiesWithCaseStayWhole() {
        String fn = """
                CREATE OR REPLACE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN x > 0 THEN 'pos' WHEN x < 0 THEN 'neg' ELSE (CASE WHEN true THEN 'zero' END) END;
                END""";
        String proc = "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); END";
        List<Statement> all = splitter.split("t.sql", fn + ";\n" + proc + ";\nSELECT sign_of(1);");
        assertEquals(List.of(fn, proc, "SELECT sign_of(1)"), all.stream().map(Statement::text).toList());
        assertFalse(all.get(1).has(StatementTrait.DATA_CHANGE), "inserts inside a body are not the statement's own");
    }

    @Test
    void semicolonsInsideParenthesesDoNotEnd() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); NOTIFY t)";
        assertEquals(List.of(rule, "SELECT 1"), texts(rule + "; SELECT 1"));
    }

    @Test
    void linesAndColumnsWithCrlfAndBom() {
        String sql = "\uFEFFSELECT 1;\r\n  SELECT\r\n 2;\rSELECT 3;";
        List<Statement> all = splitter.split("t.sql", sql);
        assertEquals(3, all.size());
        assertEquals(List.of(1, 1), List.of(all.get(0).line(), all.get(0).column()));
        assertEquals(1, all.get(0).offset());
        assertEquals(List.of(2, 3), List.of(all.get(1).line(), all.get(1).column()));
        assertEquals("SELECT\r\n 2", all.get(1).text());
        assertEquals(List.of(4, 1), List.of(all.get(2).line(), all.get(2).column()));
        assertEquals(new SourcePosition(3, 2), all.get(1).locate(10));
    }

    @Test
    void firstLineShiftsPositions() {
        Statement s = splitter.split(new SourceText("db/x.sql", "\n  SELECT 1", 7)).get(0);
        assertEquals(List.of(8, 3), List.of(s.line(), s.column()));
    }

    @Test
    void transactionControlWrittenInTheFile() {
        List<Statement> all = splitter.split("t.sql",
                "BEGIN; CREATE TABLE a(); COMMIT; START TRANSACTION ISOLATION LEVEL SERIALIZABLE; END; "
                        + "SAVEPOINT s; RELEASE SAVEPOINT s; ROLLBACK; ABORT; PREPARE TRANSACTION 'x'; COMMIT PREPARED 'x'; "
                        + "PREPARE q AS SELECT 1");
        boolean[] expected = {true, false, true, true, true, true, true, true, true, true, true, false};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], all.get(i).has(StatementTrait.TRANSACTION_CONTROL), all.get(i).text());
        }
        assertTrue(all.get(10).has(StatementTrait.NO_TRANSACTION));
    }

    @Test
    void statementsThatCannotRunInATransactionBlock() {
        for (String sql : List.of(
                "CREATE INDEX CONCURRENTLY i ON t (a)",
                "create unique index concurrently if not exists i on t (a)",
                "DROP INDEX CONCURRENTLY IF EXISTS i",
                "REINDEX INDEX CONCURRENTLY i",
                "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
                "REINDEX DATABASE d",
                "REINDEX SCHEMA s",
                "VACUUM",
                "VACUUM (ANALYZE) t",
                "CREATE DATABASE d",
                "DROP DATABASE IF EXISTS d",
                "CREATE TABLESPACE ts LOCATION '/x'",
                "DROP TABLESPACE ts",
                "ALTER SYSTEM SET work_mem = '64MB'",
                "ALTER DATABASE d SET TABLESPACE ts",
                "ALTER TABLE p DETACH PARTITION c CONCURRENTLY",
                "CLUSTER",
                "CLUSTER VERBOSE",
                "DISCARD ALL")) {
            assertTrue(only(sql).has(StatementTrait.NO_TRANSACTION), sql);
        }
        for (String sql : List.of(
                "CREATE INDEX i ON t (a)",
                "REINDEX INDEX i",
                "CLUSTER t USING i",
                "CLUSTER VERBOSE t",
                "ALTER DATABASE d SET search_path = x",
                "ALTER TABLE p DETACH PARTITION c",
                "ANALYZE t",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY v",
                "SELECT 'CREATE INDEX CONCURRENTLY x'")) {
            assertFalse(only(sql).has(StatementTrait.NO_TRANSACTION), sql);
        }
    }

    @Test
    void statementsThatChangeData() {
        for (String sql : List.of(
                "INSERT INTO t VALUES (1)",
                "update t set a = 1",
                "DELETE FROM t",
                "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
                "TRUNCATE t",
                "COPY t FROM '/tmp/x.csv'",
                "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
                "WITH RECURSIVE d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d",
                "WITH u AS MATERIALIZED (UPDATE t SET a = 1 RETURNING a) SELECT * FROM u")) {
            assertTrue(only(sql).has(StatementTrait.DATA_CHANGE), sql);
        }
        for (String sql : List.of(
                "CREATE FUNCTION f() RETURNS void AS $$ INSERT INTO t VALUES (1) $$ LANGUAGE sql",
                "SELECT 'insert into t values (1)'",
                "CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING",
                "CREATE TRIGGER g AFTER INSERT OR UPDATE OR DELETE ON t FOR EACH ROW EXECUTE FUNCTION f()",
                "WITH x AS (SELECT * FROM t FOR UPDATE) SELECT * FROM x",
                "COPY (SELECT * FROM t) TO STDOUT",
                "COPY t TO '/tmp/x'",
                "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u ON DELETE CASCADE ON UPDATE CASCADE",
                "GRANT INSERT, UPDATE, DELETE ON t TO r",
                "DO $$ BEGIN DELETE FROM t; END $$")) {
            assertFalse(only(sql).has(StatementTrait.DATA_CHANGE), sql);
        }
    }

    @Test
    void createExtensionNamesItsExtension() {
        assertEquals(new ExtensionRequest("pgcrypto", null, null, false, false), only("CREATE EXTENSION pgcrypto").createExtension());
        assertEquals(new ExtensionRequest("uuid-ossp", "extensions", null, true, false),
                only("create extension if not exists \"uuid-ossp\" with schema extensions").createExtension());
        assertEquals(new ExtensionRequest("vector", "public", "0.5.1", false, true),
                only("CREATE EXTENSION Vector SCHEMA \"public\" VERSION '0.5.1' CASCADE").createExtension());
        assertEquals("Mixed", only("CREATE EXTENSION \"Mixed\"").extension());
        Statement s = only("CREATE EXTENSION IF NOT EXISTS postgis");
        assertTrue(s.has(StatementTrait.CREATE_EXTENSION));
        assertEquals("postgis", s.extension());
        assertNull(only("CREATE TABLE extension (x int)").createExtension());
        assertNull(only("ALTER EXTENSION pgcrypto UPDATE").extension());
    }

    @Test
    void sessionSettings() {
        for (String sql : List.of("SET search_path = storage, public", "SET LOCAL lock_timeout = '4s'", "RESET ROLE",
                "SET ROLE postgres", "SELECT pg_catalog.set_config('search_path', '', false)", "DISCARD TEMP")) {
            assertTrue(only(sql).has(StatementTrait.SESSION_SETTING), sql);
        }
        assertFalse(only("SELECT 'SET x = 1'").has(StatementTrait.SESSION_SETTING));
        assertFalse(only("UPDATE t SET a = 1").has(StatementTrait.SESSION_SETTING));
    }

    @Test
    void copyFromStdinKeepsItsInlineData() {
        String sql = "SET search_path = public;\n"
                + "COPY public.t (id, note) FROM stdin;\n"
                + "1\tsemi; colon\n"
                + "2\tit's \\N $$\n"
                + "\\.\n"
                + "COPY t2 FROM STDIN WITH (FORMAT csv);\r\n"
                + "a,b\r\n"
                + "\\.\r\n"
                + "SELECT 1;\n";
        List<Statement> all = splitter.split("dump.sql", sql);
        assertEquals(List.of("SET search_path = public", "COPY public.t (id, note) FROM stdin",
                "COPY t2 FROM STDIN WITH (FORMAT csv)", "SELECT 1"), all.stream().map(Statement::text).toList());
        assertEquals("1\tsemi; colon\n2\tit's \\N $$\n", all.get(1).copyData());
        assertTrue(all.get(1).has(StatementTrait.DATA_CHANGE));
        assertEquals("a,b\r\n", all.get(2).copyData());
        assertNull(all.get(3).copyData());
        assertEquals(9, all.get(3).line());
    }

    @Test
    void copyDataRunsToTheEndOfTheFileWithoutTerminator() {
        Statement s = only("COPY t FROM stdin;\n1\n2");
        assertEquals("1\n2", s.copyData());
        assertEquals("", only("COPY t FROM stdin;").copyData());
    }

    @Test
    void copyToStdoutHasNoData() {
        List<Statement> all = splitter.split("t.sql", "COPY t TO stdout;\nSELECT 1;");
        assertEquals(2, all.size());
        assertNull(all.get(0).copyData());
    }

    @Test
    void sqlAfterCopyFromStdinOnTheSameLineIsRefused() {
        Problem p = assertThrows(Problem.class, () -> splitter.split("d.sql", "COPY t FROM stdin; SELECT 1;\n1\n\\.\n"));
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertTrue(p.what().contains("d.sql line 1"), p.what());
        assertEquals(2, splitter.split("d.sql", "COPY t FROM stdin; -- rows follow\n1\n\\.\nSELECT 1").size());
    }

    @Test
    void psqlMetaCommandsAreAProblemNamingFileAndLine() {
        for (String cmd : List.of("\\i other.sql", "\\ir ./x.sql", "\\connect db", "\\c db", "\\set ON_ERROR_STOP on")) {
            Problem p = assertThrows(Problem.class,
                    () -> splitter.split("migrations/001_x.sql", "SELECT 1;\n-- comment \\i no\nSELECT '\\i no';\n" + cmd + "\nSELECT 2;"));
            assertEquals(ExitCode.USAGE, p.exitCode());
            String head = cmd.split(" ")[0];
            assertTrue(p.what().startsWith("migrations/001_x.sql line 4, column 1: psql meta-command " + head), p.what());
            assertTrue(p.why().contains("psql"), p.why());
            assertTrue(p.fix().contains(head), p.fix());
            assertTrue(p.state().contains("Nothing was changed"), p.state());
            assertFalse(p.render().contains("ON_ERROR_STOP"), "arguments are not echoed");
        }
        assertEquals(2, splitter.split("x.sql", "DO $$ BEGIN RAISE NOTICE '\\i'; END $$;\nSELECT E'\\\\connect';").size(),
                "backslashes inside bodies and strings are not meta-commands");
        Problem gexec = assertThrows(Problem.class, () -> splitter.split("x.sql", "SELECT format('x') \\gexec\n"));
        assertTrue(gexec.what().contains("\\gexec"), gexec.what());
    }

    @Test
    void unterminatedConstructsAreAProblem() {
        for (String sql : List.of("SELECT 'abc", "SELECT \"abc", "SELECT E'abc\\'", "/* a /* b */", "SELECT $f$ x $$ y")) {
            Problem p = assertThrows(Problem.class, () -> splitter.split("u.sql", "SELECT 1;\n" + sql));
            assertEquals(ExitCode.USAGE, p.exitCode());
            assertTrue(p.what().startsWith("u.sql line 2"), p.what());
        }
    }

    @Test
    void commentsOnlyGiveNoStatements() {
        assertEquals(List.of(), texts("-- nothing\n/* at /* all */ */\n;\n"));
        assertEquals(List.of(), texts("\uFEFF"));
    }

    @Test
    void traitsAreEmptyForPlainDdl() {
        assertEquals(Set.of(), only("CREATE TABLE t (a int)").traits());
    }

    @Test
    void piecesKeepTheirLeadingCommentsAsTheSupabaseCliStoresThem() {
        String sql = "-- create a\nCREATE TABLE a (x int);\n\n/* b */\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql ;\n"
                + "COPY a FROM stdin;\n1\n\\.\nSELECT 2;\n-- the end\n";
        assertEquals(List.of("-- create a\nCREATE TABLE a (x int)",
                        "/* b */\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
                        "COPY a FROM stdin", "SELECT 2", "-- the end"),
                splitter.splitKeepingComments(SourceText.of("s.sql", sql)));
        assertEquals(List.of(), splitter.splitKeepingComments(SourceText.of("s.sql", " ;; \n")));
    }

    @Test
    void forEachHandsOverTheSameStatementsWithoutKeepingThem() {
        String sql = "SELECT 1; COPY t FROM stdin;\n1\n\\.\nSELECT 2";
        List<Statement> seen = new java.util.ArrayList<>();
        assertEquals(3, splitter.forEach(SourceText.of("t.sql", sql), seen::add));
        assertEquals(splitter.split("t.sql", sql), seen);
    }
}
