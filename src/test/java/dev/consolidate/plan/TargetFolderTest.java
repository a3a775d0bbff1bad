package dev.consolidate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.history.ResolvedProject;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A converted baseline goes where the target tool itself reads migrations. */
class TargetFolderTest {
    private final ToolRegistry tools = ToolRegistry.standard();

    @TempDir
    Path root;

    private String prismaFolder() {
        ResolvedProject project = tools.resolve(root, "sql", Path.of("packages/db/migrations"));
        TargetFolder.Choice c = TargetFolder.of(tools.adapter("prisma"), project, project.discover());
        assertTrue(c.how() != null && c.how().contains(c.folder()), c.how());
        return c.folder();
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    @Test
    void besideTheSchemaPrismaFindsForThePackage() throws Exception {
        write("packages/db/migrations/001_init.sql", "CREATE TABLE a (id int);\n");
        write("packages/db/package.json", "{\"name\": \"@x/db\"}\n");
        write("packages/db/schema.prisma", "datasource db { provider = \"postgresql\" }\n");
        assertEquals("packages/db/migrations", prismaFolder(), "the legacy folder itself, as in seed 004");

        Files.delete(root.resolve("packages/db/schema.prisma"));
        write("packages/db/prisma/schema.prisma", "datasource db { provider = \"postgresql\" }\n");
        assertEquals("packages/db/prisma/migrations", prismaFolder());

        write("packages/db/package.json", "{\"prisma\": {\"schema\": \"db/main.prisma\"}}\n");
        write("packages/db/db/main.prisma", "datasource db { provider = \"postgresql\" }\n");
        assertEquals("packages/db/db/migrations", prismaFolder(), "package.json's prisma.schema wins");
    }

    @Test
    void withoutASchemaThePackagesDefaultFolderElseTheProjects() throws Exception {
        write("packages/db/migrations/001_init.sql", "CREATE TABLE a (id int);\n");
        assertEquals("prisma/migrations", prismaFolder());
        write("packages/db/package.json", "{\"name\": \"@x/db\"}\n");
        assertEquals("packages/db/prisma/migrations", prismaFolder());
    }

    @Test
    void otherToolsTakeTheirDefaultFolder() throws Exception {
        write("packages/db/migrations/001_init.sql", "CREATE TABLE a (id int);\n");
        ResolvedProject project = tools.resolve(root, "sql", Path.of("packages/db/migrations"));
        assertEquals("supabase/migrations", TargetFolder.of(tools.adapter("supabase"), project, project.discover()).folder());
        assertEquals("packages/db/migrations", TargetFolder.of(tools.adapter("sql"), project, project.discover()).folder(),
                "not converting: the history's own folder");
    }

    @Test
    void aTargetFolderThatAlreadyHoldsMigrationsIsRefused() throws Exception {
        write("packages/db/migrations/001_init.sql", "CREATE TABLE a (id int);\n");
        write("packages/db/schema.prisma", "datasource db { provider = \"postgresql\" }\n");
        write("packages/db/migrations/20250101000000_other/migration.sql", "CREATE TABLE b (id int);\n");
        Problem p = assertThrows(Problem.class, this::prismaFolder);
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertTrue(p.what().contains("packages/db/migrations already holds 1 prisma migration"), p.what());
    }
}
