package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.ddl.Baseline;
import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.diff.DiffReport;
import dev.consolidate.catalog.diff.Differ;
import dev.consolidate.catalog.diff.SnapshotDiff;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.model.SnapshotJson;
import dev.consolidate.catalog.parity.ParityResult;
import dev.consolidate.catalog.parity.RoundTripOracle;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario folder: replay the history on its environment, write the baseline (compared with
 * the expected file), apply it to a fresh copy of the environment and expect an empty diff (the
 * parity report is an expected file too); with a change.sql, the diff it causes is expected.
 */
class ScenarioTest {

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return Scenario.all().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> run(s)));
    }

    /** The independent oracle: pg_dump of the replay (round-tripped once) and of the rebuilt database agree. */
    static void dumpsAgree(CatalogHarness h, Scenario s, ScratchDatabase replayed, Baseline baseline) throws Exception {
        java.util.Optional<PgDumpOracle> oracle = PgDumpOracle.forServer(TestPostgres.server());
        if (oracle.isEmpty()) {
            return;
        }
        try (ScratchDatabase rebuilt = h.server.create("rebuilt " + s.name())) {
            h.setup.apply(rebuilt, s.environment());
            try (Connection session = h.setup.openSession(rebuilt, s.environment())) {
                h.applier.apply(session, "baseline.sql", baseline.sql());
            }
            assertEquals(oracle.get().dumpRoundTripped(replayed), oracle.get().dump(rebuilt),
                    "pg_dump --schema-only of the replay and of the rebuilt database differ (" + s.name() + ")");
        }
    }

    static void run(Scenario s) throws Exception {
        CatalogHarness h = new CatalogHarness(TestPostgres.server());
        try (ScratchDatabase db = h.server.create("scenario " + s.name())) {
            CatalogHarness.Replayed r = h.replay(db, s.environment(), s.history());
            ScopedSnapshot scoped = r.scoped();
            Baseline baseline = h.baseline(scoped, "scenario " + s.name());
            assertEquals(baseline.sql(), h.baseline(scoped, "scenario " + s.name()).sql(), "the same snapshot writes the same bytes");
            Snapshot back = SnapshotJson.read(new StringReader(SnapshotJson.write(scoped.objects())));
            assertEquals(scoped.objects().fingerprint(), back.fingerprint(), "the JSON form reads back to the same snapshot");
            CatalogHarness.expectFile(s.expected("baseline.sql"), baseline.sql());

            ParityResult parity = h.parity(s.environment(), scoped, baseline, ComparisonRules.standard());
            String report = DiffReport.markdown(parity.diff(), "replay of " + s.name(), "baseline applied to a fresh environment");
            assertTrue(parity.holds(), report);
            CatalogHarness.expectFile(s.expected("parity.md"), report);
            dumpsAgree(h, s, db, baseline);

            if (s.change().isPresent()) {
                try (Connection c = db.connect(); Statement st = c.createStatement()) {
                    st.execute(s.change().get());
                }
                try (Connection c = db.connect(); Connection probe = db.connect()) {
                    ScopedSnapshot changed = r.environment().scope().apply(h.reader.read(c));
                    SnapshotDiff diff;
                    try (RoundTripOracle oracle = new RoundTripOracle(probe)) {
                        diff = new Differ(ComparisonRules.standard(), oracle).diff(scoped.objects(), changed.objects());
                    }
                    CatalogHarness.expectFile(s.expected("change-diff.md"),
                            DiffReport.markdown(diff, "replay of " + s.name(), "the same after change.sql"));
                }
            }
        }
    }
}
