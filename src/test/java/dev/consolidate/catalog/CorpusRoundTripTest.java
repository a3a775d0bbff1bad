package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.ddl.Baseline;
import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.diff.DiffReport;
import dev.consolidate.catalog.parity.ParityResult;
import dev.consolidate.history.Migration;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.Corpora;
import dev.consolidate.testsupport.ProjectRoot;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every public corpus that replays here, end to end: replay (snapshot A), baseline, apply to a
 * fresh environment (snapshot B); diff(A, B) is empty, and pg_dump of both agrees. Corpora are read
 * in place; a test is skipped, saying so, where its corpus is absent.
 */
class CorpusRoundTripTest {
    private static final ToolRegistry TOOLS = ToolRegistry.standard();

    @Test
    void documenso() throws Exception {
        Path root = Corpora.require("documenso");
        roundTrip("documenso", TOOLS.resolve(root, "auto", null).discover().migrations(), EnvironmentSpec.none());
    }

    @Test
    void marquez() throws Exception {
        Path root = Corpora.require("marquez");
        roundTrip("marquez", TOOLS.resolve(root, "auto", null).discover().migrations(), EnvironmentSpec.none());
    }

    @Test
    void measure() throws Exception {
        Path root = Corpora.require("measure");
        Path bootstrap = ProjectRoot.get().resolve("src/test/resources/replay/measure-bootstrap.sql");
        roundTrip("measure", TOOLS.resolve(root, "auto", null).discover().migrations(),
                EnvironmentSpec.none().withBootstrap(bootstrap, "measure-bootstrap.sql"));
    }

    @Test
    void supabaseStorage() throws Exception {
        Path root = Corpora.require("supabase-storage");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("search_path", "storage,public");
        settings.put("storage.install_roles", "true");
        settings.put("storage.multitenant", "false");
        settings.put("storage.anon_role", "anon");
        settings.put("storage.authenticated_role", "authenticated");
        settings.put("storage.service_role", "service_role");
        roundTrip("supabase-storage", TOOLS.resolve(root, "sql", Path.of("migrations/tenant")).discover().migrations(),
                EnvironmentSpec.none().withSessionSettings(settings));
    }

    private static void roundTrip(String name, List<Migration> history, EnvironmentSpec spec) throws Exception {
        CatalogHarness h = new CatalogHarness(TestPostgres.server());
        try (ScratchDatabase db = h.server.create("corpus " + name)) {
            long t0 = System.nanoTime();
            CatalogHarness.Replayed r = h.replay(db, spec, history);
            long t1 = System.nanoTime();
            r.scoped().requireCoverage();
            Baseline baseline = h.baseline(r.scoped(), "corpus " + name);
            long t2 = System.nanoTime();
            ParityResult parity = h.parity(spec, r.scoped(), baseline, ComparisonRules.standard());
            long t3 = System.nanoTime();
            String report = DiffReport.markdown(parity.diff(), "replay of " + name, "baseline applied to a fresh environment");
            System.out.printf("corpus %s: %d objects, replay+snapshot %d ms, baseline %d ms (%d bytes), parity %d ms%n%s%n", name,
                    r.scoped().objects().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, baseline.sql().length(),
                    (t3 - t2) / 1_000_000, report);
            assertTrue(parity.holds(), report);
            assertTrue(r.scoped().objects().size() > 20, "a real catalog");

            Optional<PgDumpOracle> oracle = PgDumpOracle.forServer(TestPostgres.server());
            if (oracle.isPresent()) {
                try (ScratchDatabase rebuilt = h.server.create("rebuilt " + name)) {
                    h.setup.apply(rebuilt, spec);
                    try (Connection session = h.setup.openSession(rebuilt, spec)) {
                        h.applier.apply(session, "baseline.sql", baseline.sql());
                    }
                    assertEquals(oracle.get().dumpRoundTripped(db), oracle.get().dump(rebuilt),
                            "pg_dump --schema-only of the replay and of the rebuilt database differ (" + name + ")");
                }
            }
        }
    }
}
