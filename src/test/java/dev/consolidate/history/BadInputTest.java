package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal says what, why, how to fix, and that nothing changed. */
class BadInputTest {
    private final SupabaseAdapter supabase = new SupabaseAdapter(new dev.consolidate.sql.SqlSplitter());

    @TempDir
    Path dir;

    private Problem discover(ToolAdapter adapter, String folder) {
        Problem p = assertThrows(Problem.class, () -> adapter.discover(dir, Path.of(folder)));
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertNotNull(p.why());
        assertNotNull(p.fix());
        assertTrue(p.state().startsWith("Nothing was changed"), p.state());
        return p;
    }

    @Test
    void missingFolder() {
        Problem p = discover(supabase, "supabase/migrations");
        assertTrue(p.what().contains("supabase/migrations does not exist"), p.what());
    }

    @Test
    void emptyFolder() throws Exception {
        Files.createDirectories(dir.resolve("supabase/migrations"));
        assertTrue(discover(supabase, "supabase/migrations").what().contains("is empty"));
    }

    @Test
    void noMigrationsAmongTheFiles() {
        new TestProject(dir).file("supabase/migrations/README.md", "x");
        assertTrue(discover(supabase, "supabase/migrations").what().startsWith("No supabase migrations found in supabase/migrations"));
    }

    @Test
    void nonUtf8FileNamesFileAndByteOffset() {
        new TestProject(dir).bytes("supabase/migrations/20240101000000_a.sql", new byte[] {'S', 'E', 'L', (byte) 0xE9, ';'});
        Problem p = discover(supabase, "supabase/migrations");
        assertEquals("supabase/migrations/20240101000000_a.sql is not valid UTF-8 (first invalid byte at offset 3).", p.what());
    }

    @Test
    void unreadableFile() throws Exception {
        new TestProject(dir).file("supabase/migrations/20240101000000_a.sql", "SELECT 1;");
        Path f = dir.resolve("supabase/migrations/20240101000000_a.sql");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(f), "running as a user who can read any file (root): unreadable files cannot be made");
        Problem p = discover(supabase, "supabase/migrations");
        assertTrue(p.what().startsWith("Cannot read supabase/migrations/20240101000000_a.sql"), p.what());
    }

    @Test
    void symlinkLeadingOutOfTheFolder() throws Exception {
        new TestProject(dir).file("elsewhere/secret.sql", "SELECT 1;").file("supabase/migrations/20240101000000_a.sql", "SELECT 1;");
        Files.createSymbolicLink(dir.resolve("supabase/migrations/20240102000000_b.sql"), dir.resolve("elsewhere/secret.sql"));
        Problem p = discover(supabase, "supabase/migrations");
        assertTrue(p.what().startsWith("supabase/migrations/20240102000000_b.sql is a symbolic link leading out of the migrations folder"), p.what());
    }

    @Test
    void symlinkInsideTheFolderIsFine() throws Exception {
        new TestProject(dir).file("supabase/migrations/20240101000000_a.sql", "SELECT 1;");
        Files.createDirectories(dir.resolve("supabase/migrations/shared"));
        Files.move(dir.resolve("supabase/migrations/20240101000000_a.sql"), dir.resolve("supabase/migrations/shared/a.sql"));
        Files.createSymbolicLink(dir.resolve("supabase/migrations/20240101000000_a.sql"), Path.of("shared/a.sql"));
        assertEquals(1, supabase.discover(dir, Path.of("supabase/migrations")).migrations().size());
    }

    @Test
    void unknownTool() {
        Problem p = assertThrows(Problem.class, () -> ToolRegistry.standard().resolve(dir, "liquibase", null));
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertTrue(p.what().equals("Unknown migration tool \"liquibase\"."), p.what());
        assertTrue(p.fix().contains("golang-migrate"), p.fix());
    }

    @Test
    void badBaselineName() {
        new TestProject(dir).file("supabase/migrations/20240101000000_a.sql", "SELECT 1;");
        MigrationSet set = supabase.discover(dir, Path.of("supabase/migrations"));
        Problem p = assertThrows(Problem.class, () -> supabase.baseline(new BaselineRequest(set, null, set.folder(), "../escape", TestProject.CLOCK)));
        assertEquals(ExitCode.USAGE, p.exitCode());
    }
}
