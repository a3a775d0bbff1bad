package dev.consolidate.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.fs.Sha256;
import dev.consolidate.history.Migration;
import dev.consolidate.history.Tool;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.Corpora;
import dev.consolidate.testsupport.ProjectRoot;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real histories replayed in place from the corpora (skipped, saying so, where they are absent). */
class CorpusReplayTest {
    private final Replayer replayer = new Replayer(new SqlSplitter(), Clock.systemUTC());

    @Test
    void documensoPrismaReplays() throws Exception {
        Path corpus = Corpora.require("documenso");
        ReplayResult r = replay("documenso", discover(corpus, "prisma", "packages/prisma/migrations"), EnvironmentSpec.none());
        assertEquals(163, r.files().size());
        assertTrue(ReplayerTest.count(database, "SELECT count(*) FROM pg_type WHERE typtype = 'e'") >= 30);
    }

    @Test
    void marquezFlywayReplaysIncludingItsConcurrentIndex() throws Exception {
        Path corpus = Corpora.require("marquez");
        List<Migration> history = discover(corpus, "flyway", "api/src/main/resources/marquez/db/migration");
        ReplayResult r = replay("marquez", history, EnvironmentSpec.none());
        assertEquals(84, r.files().size());
        FileResult v47 = r.files().stream().filter(f -> f.path().endsWith("V47__add_lineage_event_indexes.sql")).findFirst().orElseThrow();
        assertEquals(FileMode.NO_TRANSACTION_STATEMENT, v47.mode());
        assertTrue(r.files().get(r.files().size() - 1).path().endsWith("R__Runs_view.sql"));
    }

    @Test
    void measureDbmateReplaysOnItsBootstrap() throws Exception {
        Path corpus = Corpora.require("measure");
        Path bootstrap = ProjectRoot.get().resolve("src/test/resources/replay/measure-bootstrap.sql");
        EnvironmentSpec spec = EnvironmentSpec.none().withBootstrap(bootstrap, "measure-bootstrap.sql");
        ReplayResult r = replay("measure", discover(corpus, "dbmate", "self-host/postgres"), spec);
        assertEquals(72, r.files().size());
        assertTrue(r.environment().provides("schema", "", "measure"));
        assertTrue(java.util.Set.of("operator", "reader").containsAll(r.environment().roles()),
                "only roles the bootstrap created (none if an earlier test on the shared server did): " + r.environment().roles());
        assertEquals(Sha256.ofFile(bootstrap), r.environment().bootstrapSha256());
        assertFalse(r.environment().provides("table", "measure", "apps"));
        assertTrue(ReplayerTest.count(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'measure'") > 20);
    }

    @Test
    void supabaseStorageReplaysInIntegerOrderWithItsSessionSettings() throws Exception {
        Path corpus = Corpora.require("supabase-storage");
        List<Migration> history = discover(corpus, "sql", "migrations/tenant");
        assertEquals("0009-fix-search-function.sql", name(history.get(8)));
        assertEquals("00010-search-files-search-function.sql", name(history.get(9)));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("search_path", "storage,public");
        settings.put("storage.install_roles", "true");
        settings.put("storage.multitenant", "false");
        settings.put("storage.anon_role", "anon");
        settings.put("storage.authenticated_role", "authenticated");
        settings.put("storage.service_role", "service_role");
        ReplayResult r = replay("storage", history, EnvironmentSpec.none().withSessionSettings(settings));
        assertEquals(history.size(), r.files().size());
        assertEquals(16, r.files().stream().filter(f -> f.mode() == FileMode.SKIPPED).count());
        assertTrue(r.files().stream().anyMatch(f -> f.mode() == FileMode.NO_TRANSACTION_MARKER));
        assertEquals(1, ReplayerTest.count(database, "SELECT count(*) FROM pg_proc WHERE proname = 'foldername'"
                + " AND pronamespace = 'storage'::regnamespace"));
    }

    @Test
    void chatbotUiStopsBeforeReplayNamingHttpAndVector() {
        Path corpus = Corpora.require("chatbot-ui");
        List<Migration> history = discover(corpus, "supabase", null);
        EnvironmentSpec spec = EnvironmentSpec.none().withProfile(Profile.defaultFor(Tool.SUPABASE).orElseThrow());
        Problem p = assertThrows(Problem.class, () -> replayer.prepare(history, spec, TestPostgres.server()));
        assertEquals(ExitCode.PRECONDITION, p.exitCode());
        assertTrue(p.what().contains("lacks 2 extensions the history creates:\n"
                + "  http    created at supabase/migrations/20240108234540_setup.sql line 2\n"
                + "  vector  created at supabase/migrations/20240108234540_setup.sql line 5"), p.what());
        assertTrue(p.state().startsWith("nothing changed"), p.state());
        System.out.println("chatbot-ui diagnosis:\n" + p.render());
    }

    private ScratchDatabase database;

    private ReplayResult replay(String corpus, List<Migration> history, EnvironmentSpec spec) throws Exception {
        long t0 = System.nanoTime();
        PreparedHistory prepared = replayer.prepare(history, spec, TestPostgres.server());
        long t1 = System.nanoTime();
        ScratchDatabase db = TestPostgres.server().create("corpus " + corpus);
        database = db;
        try {
            ReplayResult r = replayer.replay(db, spec, prepared, ReplayListener.NONE);
            System.out.printf("replay %s: %d files, %d statements, prepare %d ms, environment %d ms, replay %d ms%n", corpus,
                    r.files().size(), r.statements(), (t1 - t0) / 1_000_000, r.environmentDuration().toMillis(), r.duration().toMillis());
            return r;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @org.junit.jupiter.api.AfterEach
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    /** The history as the tool's adapter discovers it, in the tool's order. */
    static List<Migration> discover(Path project, String tool, String folder) {
        return ToolRegistry.standard().resolve(project, tool, folder == null ? null : Path.of(folder)).discover().migrations();
    }

    private static String name(Migration m) {
        return m.path().substring(m.path().lastIndexOf('/') + 1);
    }
}
