package dev.consolidate.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.history.Migration;
import dev.consolidate.history.Tool;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.ProjectRoot;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Supabase history of seed 003 (jobs/), replayed on the Supabase profile. */
class SeedHistoriesTest {

    @Test
    void seed003ReplaysOnTheSupabaseProfile() throws Exception {
        Path project = ProjectRoot.get().resolve("jobs/seed-003-supabase-squash/project");
        List<Migration> history = CorpusReplayTest.discover(project, "supabase", null);
        assertEquals(14, history.size());
        Replayer replayer = new Replayer(new SqlSplitter(), Clock.systemUTC());
        EnvironmentSpec spec = EnvironmentSpec.none().withProfile(Profile.defaultFor(Tool.SUPABASE).orElseThrow());
        try (ScratchDatabase db = TestPostgres.server().create("seed 003")) {
            ReplayResult r = replayer.replay(db, spec, replayer.prepare(history, spec, db.server()), ReplayListener.NONE);
            assertEquals(14, r.files().size());
            assertTrue(ReplayerTest.count(db, "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'auth.users'::regclass"
                    + " AND NOT tgisinternal") >= 1, "the history's trigger on auth.users");
        }
    }
}
