package dev.consolidate.carry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.history.BaselineIdentity;
import dev.consolidate.history.Tool;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import org.junit.jupiter.api.Test;

/** Where each tool's carried data goes, as a file the tool skips or as a migration right after the baseline. */
class DataFileTest {
    private static BaselineIdentity baseline(Tool tool, String version, String name, String path) {
        return new BaselineIdentity(tool, version, name, path, "x_archive");
    }

    @Test
    void byDefaultANameTheToolDoesNotRun() {
        BaselineIdentity b = baseline(Tool.SUPABASE, "20250926150000", "consolidated_baseline", "supabase/migrations/x.sql");
        assertEquals("supabase/migrations/consolidated_data.sql", DataFile.of(Tool.SUPABASE, "supabase/migrations", b, false).path());
        assertEquals("packages/db/migrations/consolidated_data.sql", DataFile.of(Tool.PRISMA, "packages/db/migrations", b, false).path());
        assertEquals("db/migration/consolidated_data.sql.txt", DataFile.of(Tool.FLYWAY, "db/migration", b, false).path(),
                "not .sql: Flyway's validateMigrationNaming would refuse the name");
        assertEquals("migrations/consolidated_data.sql.txt", DataFile.of(Tool.SQL, "migrations", b, false).path());
        assertNull(DataFile.of(Tool.DBMATE, "db/migrations", b, false).migration());
    }

    @Test
    void asAMigrationRightAfterTheBaseline() {
        DataFile supabase = DataFile.of(Tool.SUPABASE, "supabase/migrations",
                baseline(Tool.SUPABASE, "20250926150000", "consolidated_baseline", "supabase/migrations/x.sql"), true);
        assertEquals("supabase/migrations/20250926150001_consolidated_baseline_data.sql", supabase.path());
        assertEquals("20250926150001", supabase.migration().version());
        DataFile prisma = DataFile.of(Tool.PRISMA, "prisma/migrations", baseline(Tool.PRISMA, "20250904011005_init_consolidated",
                "20250904011005_init_consolidated", "prisma/migrations/20250904011005_init_consolidated/migration.sql"), true);
        assertEquals("prisma/migrations/20250904011005_init_consolidated_data/migration.sql", prisma.path());
        assertTrue("20250904011005_init_consolidated".compareTo(prisma.migration().version()) < 0, "sorts after the baseline");
        assertEquals("007", DataFile.of(Tool.DBMATE, "db/migrations", baseline(Tool.DBMATE, "006", "b", "db/migrations/006_b.sql"),
                true).migration().version(), "keeps the version's width");
    }

    @Test
    void refusedWhereTheHistoryCannotRecordASecondMigration() {
        for (Tool tool : new Tool[] {Tool.FLYWAY, Tool.GOLANG_MIGRATE, Tool.SQL}) {
            Problem p = assertThrows(Problem.class, () -> DataFile.of(tool, "m", baseline(tool, "1", "b", "m/b.sql"), true));
            assertEquals(ExitCode.USAGE, p.exitCode());
            assertTrue(p.what().contains("--data-as-migration is not available for " + tool), p.what());
        }
    }
}
