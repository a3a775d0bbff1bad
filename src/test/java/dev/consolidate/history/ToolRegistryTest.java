package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRegistryTest {
    private final ToolRegistry registry = ToolRegistry.standard();

    @TempDir
    Path dir;

    @Test
    void autoFindsTheOneHistoryAndSaysWhatItSaw() {
        new TestProject(dir).file("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"")
                .file("prisma/migrations/20230101000000_init/migration.sql", "SELECT 1;")
                .file("node_modules/pkg/migrations/001_x.sql", "SELECT 1;")
                .file("prisma/migrations_archive/001_old.sql", "SELECT 1;");
        ResolvedProject p = registry.resolve(dir, "auto", null);
        assertEquals(Tool.PRISMA, p.tool());
        assertEquals("prisma/migrations", p.relativeFolder());
        assertTrue(p.how().startsWith("detected: prisma in prisma/migrations (migration_lock.toml and 1 migration folders)"), p.how());
    }

    @Test
    void eachLayoutIsRecognised() {
        new TestProject(dir)
                .file("a/supabase/migrations/20240101000000_x.sql", "SELECT 1;")
                .file("b/src/main/resources/db/migration/V1__x.sql", "SELECT 1;")
                .file("c/db/migrations/20240101000000_x.sql", "-- migrate:up\nSELECT 1;\n")
                .file("d/migrations/1_x.up.sql", "SELECT 1;")
                .file("e/sql/001-x.sql", "SELECT 1;");
        assertEquals(List.of("supabase a/supabase/migrations", "flyway b/src/main/resources/db/migration", "dbmate c/db/migrations",
                        "golang-migrate d/migrations", "sql e/sql"),
                registry.detect(dir).stream().map(d -> d.tool() + " " + d.folder()).toList());
    }

    @Test
    void refusesToGuessBetweenTwoAndNamesBoth() {
        new TestProject(dir).file("supabase/migrations/20240101000000_x.sql", "SELECT 1;")
                .file("packages/db/migrations/001_init.sql", "SELECT 1;");
        Problem p = assertThrows(Problem.class, () -> registry.resolve(dir, "auto", null));
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertTrue(p.what().contains("sql in packages/db/migrations") && p.what().contains("supabase in supabase/migrations"), p.what());
        assertTrue(p.fix().contains("--tool") && p.fix().contains("--migrations"), p.fix());
        assertEquals("Nothing was changed.", p.state());

        ResolvedProject chosen = registry.resolve(dir, "auto", Path.of("packages/db/migrations"));
        assertEquals(Tool.SQL, chosen.tool());
    }

    @Test
    void nothingFound() {
        new TestProject(dir).file("README.md", "hello");
        Problem p = assertThrows(Problem.class, () -> registry.resolve(dir, "auto", null));
        assertTrue(p.what().startsWith("No migrations found under"), p.what());
    }

    @Test
    void explicitToolUsesItsDefaultFolderOrTheOverride() {
        ResolvedProject p = registry.resolve(dir, "flyway", null);
        assertEquals(dir.resolve("src/main/resources/db/migration"), p.folder());
        assertEquals("--tool flyway, its default folder src/main/resources/db/migration", p.how());
        assertEquals(dir.resolve("sql"), registry.resolve(dir, "DBMATE", Path.of("sql")).folder());
    }
}
