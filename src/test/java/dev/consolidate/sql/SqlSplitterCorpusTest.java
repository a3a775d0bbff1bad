package dev.consolidate.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.history.Migration;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.Corpora;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The splitter on real histories, read in place. */
class SqlSplitterCorpusTest {
    private final SqlSplitter splitter = new SqlSplitter();
    private final ToolRegistry registry = ToolRegistry.standard();

    private List<List<Statement>> split(MigrationSet set) {
        return set.migrations().stream()
                .map(m -> splitter.split(new SourceText(m.path(), m.sql(), m.sqlStartLine())))
                .toList();
    }

    @Test
    void everyCorpusFileSplitsAndTraitsLandWhereExpected() {
        MigrationSet marquez = registry.resolve(Corpora.require("marquez"), "auto", null).discover();
        List<List<Statement>> m = split(marquez);
        int v47 = indexOf(marquez, "V47__add_lineage_event_indexes.sql");
        assertEquals(1, m.get(v47).size());
        assertTrue(m.get(v47).get(0).has(StatementTrait.NO_TRANSACTION));
        assertEquals(1, count(m, StatementTrait.NO_TRANSACTION), "V47 is marquez's only CONCURRENTLY");

        MigrationSet chatbot = registry.resolve(Corpora.require("chatbot-ui"), "auto", null).discover();
        List<String> extensions = split(chatbot).stream().flatMap(List::stream)
                .filter(s -> s.has(StatementTrait.CREATE_EXTENSION))
                .map(s -> s.createExtension().name() + "@" + s.createExtension().schema())
                .collect(Collectors.toList());
        assertEquals(List.of("http@extensions", "vector@extensions"), extensions);

        MigrationSet storage = registry.resolve(Corpora.require("supabase-storage"), "sql", Path.of("migrations/tenant")).discover();
        List<List<Statement>> s = split(storage);
        for (int i = 0; i < storage.migrations().size(); i++) {
            Migration mig = storage.migrations().get(i);
            boolean concurrently = s.get(i).stream().anyMatch(st -> st.has(StatementTrait.NO_TRANSACTION));
            if (concurrently) {
                assertFalse(mig.transactional(), mig.path() + " runs CONCURRENTLY, so it carries disable-transaction");
            }
        }

        MigrationSet measure = registry.resolve(Corpora.require("measure"), "auto", null).discover();
        for (List<Statement> statements : split(measure)) {
            assertFalse(statements.isEmpty());
            assertTrue(statements.get(0).line() > 1, "up sections start below their marker line");
        }
    }

    /**
     * Statement by statement in one database, each whole file in another (parsed by pgjdbc and the
     * server, not by us): the catalogs must come out the same.
     */
    @Test
    void documensoSplitReplaysToTheSameCatalogAsWholeFiles() throws Exception {
        MigrationSet documenso = registry.resolve(Corpora.require("documenso"), "auto", null).discover();
        try (ScratchDatabase split = TestPostgres.server().create("documenso split");
             ScratchDatabase whole = TestPostgres.server().create("documenso whole");
             Connection bySplit = split.connect(); Connection byFile = whole.connect()) {
            for (Migration m : documenso.migrations()) {
                for (Statement st : splitter.split(new SourceText(m.path(), m.sql(), m.sqlStartLine()))) {
                    execute(bySplit, st.text(), m.path() + " line " + st.line());
                }
                execute(byFile, m.sql(), m.path());
            }
            String signature = signature(bySplit);
            assertTrue(signature.lines().filter(l -> l.startsWith("rel r ")).count() > 30, signature);
            assertEquals(signature(byFile), signature);
        }
    }

    private static void execute(Connection c, String sql, String where) {
        try (java.sql.Statement jdbc = c.createStatement()) {
            jdbc.setEscapeProcessing(false);
            jdbc.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(where + ": " + e.getMessage(), e);
        }
    }

    private static String signature(Connection c) throws Exception {
        String sql = "SELECT string_agg(x, E'\\n' ORDER BY x) FROM ("
                + " SELECT 'rel ' || c.relkind::text || ' ' || c.relname || ' ' || coalesce((SELECT string_agg(a.attname || ':'"
                + "   || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull, ',' ORDER BY a.attnum) FROM pg_attribute a"
                + "   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')"
                + "   FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace"
                + " UNION ALL SELECT 'con ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                + "   FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                + " UNION ALL SELECT 'idx ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + "   WHERE c.relnamespace = 'public'::regnamespace"
                + " UNION ALL SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
                + "   FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname) s(x)";
        try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int indexOf(MigrationSet set, String fileName) {
        for (int i = 0; i < set.migrations().size(); i++) {
            if (set.migrations().get(i).path().endsWith("/" + fileName)) {
                return i;
            }
        }
        throw new AssertionError(fileName + " not found");
    }

    private static long count(List<List<Statement>> all, StatementTrait trait) {
        return all.stream().flatMap(List::stream).filter(st -> st.has(trait)).count();
    }
}
