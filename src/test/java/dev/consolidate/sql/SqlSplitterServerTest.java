package dev.consolidate.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.ProjectRoot;
import dev.consolidate.testsupport.TestPostgres;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/** The split is right when the server accepts every piece and reports errors where the file has them. */
class SqlSplitterServerTest {

    private final SqlSplitter splitter = new SqlSplitter();

    @Test
    void everyStatementOfATrickyFileRunsOnPostgres() throws Exception {
        String text = Files.readString(ProjectRoot.get().resolve("src/test/resources/sql/tricky.sql"), StandardCharsets.UTF_8);
        List<Statement> statements = splitter.split("tricky.sql", text);
        assertEquals(13, statements.size());
        try (ScratchDatabase db = TestPostgres.server().create("splitter tricky"); Connection c = db.connect()) {
            for (Statement s : statements) {
                execute(c, s);
            }
            assertEquals("pos", scalar(c, "SELECT sign_of(5)"));
            assertEquals("3", scalar(c, "SELECT add_one(2)::text"));
            assertEquals("2", scalar(c, "SELECT count(*)::text FROM log"));
            assertEquals("copied|row; one", scalar(c, "SELECT \"it's\" || '|' || \"dollar$$\" FROM \"semi;colon\" WHERE \"it's\" = 'copied'"));
            assertEquals(" body; with $$ inside ", scalar(c, "SELECT \"dollar$$\" FROM \"semi;colon\" WHERE \"it's\" = 'data;'"));
            assertEquals("back\\slash ' quote;", scalar(c, "SELECT \"dollar$$\" FROM \"semi;colon\" WHERE \"it's\" = '$$ not a quote;'"));
            assertNotNull(scalar(c, "SELECT 'semi_idx'::regclass::text"));
        }
        assertTrue(statements.get(statements.size() - 1).has(StatementTrait.NO_TRANSACTION));
    }

    @Test
    void serverErrorPositionsMapBackToFileLineAndColumn() throws Exception {
        String text = "-- h\u00e9 \uD83D\uDE00\r\nCREATE TABLE ok (a int);\r\n\r\nSELECT '\uD83D\uDE00' AS smile,\r\n"
                + "       \"caf\u00e9\" + 1\r\n  FROM ok;\n";
        SourceText source = SourceText.of("err.sql", text);
        List<Statement> statements = splitter.split(source);
        try (ScratchDatabase db = TestPostgres.server().create("splitter positions"); Connection c = db.connect()) {
            execute(c, statements.get(0));
            PSQLException e = assertThrows(PSQLException.class, () -> execute(c, statements.get(1)));
            int position = e.getServerErrorMessage().getPosition();
            assertTrue(position > 0, "server reported a position");
            SourcePosition expected = new SourcePosition(5, 8);
            assertEquals(expected, source.locate(statements.get(1), position));
            assertEquals(expected, statements.get(1).locate(position));
        }
    }

    private static void execute(Connection c, Statement s) throws Exception {
        if (s.hasCopyData()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(s.text(), new StringReader(s.copyData()));
            return;
        }
        try (java.sql.Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute(s.text());
        }
    }

    private static String scalar(Connection c, String sql) throws Exception {
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
