package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.ddl.Baseline;
import dev.consolidate.catalog.ddl.BaselineOptions;
import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.diff.DiffReport;
import dev.consolidate.catalog.parity.ParityResult;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * Ownership is written and proven by default; the no-owner option leaves it out of the baseline
 * and out of the comparison, and the parity report says so.
 */
class OwnershipTest {

    @Test
    void theNoOwnerOptionLeavesOwnershipOutAndTheReportSaysSo() throws Exception {
        CatalogHarness h = new CatalogHarness(TestPostgres.server());
        Scenario s = Scenario.named("security");
        try (ScratchDatabase db = h.server.create("no owner")) {
            CatalogHarness.Replayed r = h.replay(db, s.environment(), s.history());
            Baseline withOwners = h.writer.write(r.scoped(), BaselineOptions.of("security"));
            assertTrue(withOwners.sql().contains("ALTER TABLE vault.secrets OWNER TO sec_owner;"), withOwners.sql());

            Baseline noOwners = h.writer.write(r.scoped(), BaselineOptions.of("security").withoutOwners());
            assertFalse(noOwners.sql().contains(" OWNER TO "), noOwners.sql());
            assertTrue(noOwners.sql().contains("ownership left out"), "the header says so");

            ParityResult strict = h.parity.check(h.server, s.environment(), r.scoped(), "b.sql", noOwners.sql(), ComparisonRules.standard());
            String strictReport = DiffReport.markdown(strict.diff(), "replay", "baseline without owners");
            assertFalse(strict.holds(), "owners differ when compared: " + strictReport);
            assertTrue(strictReport.contains("  - owner: expected `\"sec_owner\"`, actual `\"postgres\"`"), strictReport);

            ParityResult relaxed = h.parity.check(h.server, s.environment(), r.scoped(), "b.sql", noOwners.sql(),
                    ComparisonRules.standard().withoutOwners());
            String relaxedReport = DiffReport.markdown(relaxed.diff(), "replay", "baseline without owners");
            assertTrue(relaxed.holds(), relaxedReport);
            assertTrue(relaxedReport.contains("Ownership is NOT compared"), relaxedReport);
        }
    }
}
