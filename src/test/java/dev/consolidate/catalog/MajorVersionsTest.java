package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.ddl.Baseline;
import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.diff.DiffReport;
import dev.consolidate.catalog.parity.ParityResult;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queries and the writer on the other bundled majors (16, 17, 18: 18 keeps NOT NULL in
 * pg_constraint, 17 adds the MAINTAIN privilege): the scenarios round-trip on each. Deparse
 * differs between majors, so the expected files (written on 15) are not compared here.
 */
class MajorVersionsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(18, "kitchen-sink"), Arguments.of(18, "tables"), Arguments.of(18, "routines"),
                Arguments.of(18, "security"), Arguments.of(18, "supabase-platform"), Arguments.of(18, "environment-changes"),
                Arguments.of(17, "tables"), Arguments.of(17, "security"),
                Arguments.of(16, "tables"), Arguments.of(16, "routines"));
    }

    @ParameterizedTest(name = "PostgreSQL {0}: {1}")
    @MethodSource("cases")
    void scenarioRoundTrips(int major, String scenario) throws Exception {
        EmbeddedScratchServer server = TestPostgres.server(major);
        assertEquals(major, server.major());
        CatalogHarness h = new CatalogHarness(server);
        Scenario s = Scenario.named(scenario);
        try (ScratchDatabase db = server.create("major " + scenario)) {
            CatalogHarness.Replayed r = h.replay(db, s.environment(), s.history());
            Baseline baseline = h.baseline(r.scoped(), "scenario " + scenario + " on " + major);
            ParityResult parity = h.parity(s.environment(), r.scoped(), baseline, ComparisonRules.standard());
            String report = DiffReport.markdown(parity.diff(), "replay on " + major, "rebuilt on " + major);
            assertTrue(parity.holds(), report + "\n" + baseline.sql());
            assertEquals(major, r.scoped().objects().info().major());
        }
    }
}
