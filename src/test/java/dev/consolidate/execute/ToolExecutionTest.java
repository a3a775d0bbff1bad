package dev.consolidate.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.Tool;
import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlanWriter;
import dev.consolidate.run.RunFolder;
import dev.consolidate.testsupport.Catalogs;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.Productions;
import dev.consolidate.testsupport.Projects;
import dev.consolidate.testsupport.Projects.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each tool's realistic history, planned and executed against a production the tool itself
 * migrated, then judged from outside: the tool's own view is green, one migration (the baseline)
 * is left, every original file is still in the project byte for byte, and the history table holds
 * the baseline's row. A rollback then returns the project and the history table to what they were.
 */
class ToolExecutionTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Tool.class)
    void executeLeavesTheToolGreenAndRollbackRestoresEverything(Tool tool) throws Exception {
        Project project = Projects.of(tool, tmp.resolve(tool.cliName()));
        Path root = project.root();
        try (Productions.Fixture prod = ProductionServer.of(project)) {
            Map<String, String> before = Runs.tree(root);
            Map<String, String> originals = Runs.tree(project.folderPath());
            String table = project.adapter().defaultHistoryTable().isPresent() ? prod.history().table().qualified() : null;
            String rowsBefore = rows(prod, table);

            CommandLine.Run plan = Runs.cli(Map.of(), root, prod.url(), "--plan", "--tool", tool.cliName());
            assertEquals(0, plan.exitCode(), plan.all());
            CommandLine.Run run = Runs.cli(Map.of(), root, prod.url(), "--execute", "--yes");
            assertEquals(0, run.exitCode(), run.all());
            Plan p = PlanWriter.read(RunFolder.defaultFor(root, Files.readString(root.resolve(".consolidate/CURRENT")).strip()));

            assertEquals(List.of(p.baseline().path()), migrationsLeft(project, p), "exactly the baseline is left");
            Map<String, String> after = Runs.tree(root, ".consolidate");
            originals.forEach((file, sha) -> {
                if (!sha.equals("dir")) {
                    String name = Path.of(file).getFileName().toString();
                    assertTrue(after.entrySet().stream().anyMatch(e -> e.getValue().equals(sha) && e.getKey().endsWith("/" + name)),
                            file + " is nowhere in the project with its bytes");
                }
            });
            assertToolGreen(project, prod, p);
            CommandLine.Run status = Runs.cli(Map.of(), root, prod.url(), "--status");
            assertEquals(8, status.out().lines().filter(l -> l.matches(" +[a-z]+ +COMPLETED.*")).count(), status.out());

            CommandLine.Run rollback = Runs.cli(Map.of(), root, prod.url(), "--rollback", "--yes");
            assertEquals(0, rollback.exitCode(), rollback.all());
            assertEquals(before, Runs.tree(root, ".consolidate"), "rollback leaves every path and byte as before");
            assertEquals(rowsBefore, rows(prod, table), "rollback leaves the history rows as before");
        }
    }

    /** The migrations left in the folder, by the tool's file-name rules applied here, not by its adapter. */
    private static List<String> migrationsLeft(Project project, Plan p) {
        String folder = project.folder();
        return Runs.files(project.folderPath()).stream()
                .filter(f -> switch (project.tool()) {
                    case PRISMA -> f.endsWith("/migration.sql");
                    case GOLANG_MIGRATE -> f.endsWith(".up.sql");
                    case FLYWAY -> f.matches("([VR]|B)[^/]*\\.sql") || f.matches(".*/[VRB][^/]*\\.sql");
                    default -> f.endsWith(".sql");
                })
                .map(f -> folder + "/" + f)
                .toList();
    }

    private static void assertToolGreen(Project project, Productions.Fixture prod, Plan p) throws Exception {
        if (project.tool() == Tool.FLYWAY) {
            Flyway flyway = Flyway.configure().dataSource(prod.database().jdbcUrl(), "postgres", null)
                    .locations("filesystem:" + project.folderPath()).load();
            ValidateResult v = flyway.validateWithResult();
            assertTrue(v.validationSuccessful, "flyway validate: " + v.getAllErrorMessages());
            assertEquals(0, flyway.info().pending().length, "flyway info shows nothing pending");
        }
        HistorySnapshot h = prod.readHistory();
        assertEquals(List.of(), project.adapter().toolView(project.migrations(), h), "the tool's own view");
        if (project.adapter().defaultHistoryTable().isPresent()) {
            assertTrue(h.rows().stream().anyMatch(r -> p.baseline().version().equals(r.version())),
                    "the history table holds the baseline row: " + h.rows());
        }
    }

    private static String rows(Productions.Fixture prod, String table) throws Exception {
        if (table == null) {
            return "";
        }
        try (Connection c = prod.connect()) {
            return Catalogs.rows(c, table);
        }
    }
}
