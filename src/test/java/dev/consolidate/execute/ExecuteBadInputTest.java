package dev.consolidate.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlanWriter;
import dev.consolidate.run.RunFolder;
import dev.consolidate.steps.FaultHook;
import dev.consolidate.testsupport.Catalogs;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.Productions;
import dev.consolidate.testsupport.Projects;
import dev.consolidate.testsupport.Projects.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Flyway project and its production taken through what goes wrong in real runs, in order: each
 * failure says what happened with the right exit code, --status names the failed step and what
 * its undo would do, and the state it leaves is one from which --resume (once the cause is gone)
 * or --rollback completes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecuteBadInputTest {
    static final String TABLE = "public.flyway_schema_history";
    static final String EDITED = "src/main/resources/db/migration/V1.1__notes_index_and_trigger.sql";

    private Path work;
    private Project project;
    private Productions.Fixture production;
    private Child child;
    private Map<String, String> filesBefore;
    private String rowsBefore;
    private Plan plan;

    @BeforeAll
    void planTheProject(@TempDir Path dir) throws Exception {
        work = dir;
        project = Projects.flyway(dir.resolve("app"));
        production = ProductionServer.of(project);
        child = new Child(dir.resolve("tmp"));
        filesBefore = Runs.tree(project.root());
        rowsBefore = rows();
        CommandLine.Run planned = cli("--plan");
        assertEquals(0, planned.exitCode(), planned.all());
        plan = PlanWriter.read(RunFolder.defaultFor(project.root(),
                Files.readString(project.root().resolve(".consolidate/CURRENT")).strip()));
    }

    @AfterAll
    void stopEverything() {
        Runs.stop(production, child);
    }

    @Test
    @Order(1)
    void aRunFolderFromAnotherProjectIsRefusedBeforeAnythingOpens() throws Exception {
        Project other = Projects.flyway(work.resolve("other"));
        Map<String, String> otherBefore = Runs.tree(other.root());
        CommandLine.Run run = Runs.cli(Map.of(), other.root(), production.url(), "--execute", "--yes",
                "--run-dir", RunFolder.defaultFor(project.root(), plan.planId()).root().toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("belongs to another project (" + project.root() + ")"), run.err());
        assertEquals(otherBefore, Runs.tree(other.root()));
        assertUnchanged();
        assertTrue(status().contains("not been executed yet"), status());
    }

    @Test
    @Order(2)
    void aFileEditedAfterThePlanIsNamedAndNothingChanges() throws Exception {
        Path file = project.root().resolve(EDITED);
        byte[] original = Files.readAllBytes(file);
        Files.writeString(file, "-- reviewed\n", java.nio.file.StandardOpenOption.APPEND);
        try {
            CommandLine.Run run = cli("--execute", "--yes");
            assertEquals(3, run.exitCode(), run.all());
            assertTrue(run.err().contains("is stale") && run.err().contains(EDITED), run.err());
            assertTrue(run.err().contains("Nothing was changed") && run.err().contains("--resume") && run.err().contains("--rollback"),
                    "says what it left and what comes next: " + run.err());
            String status = status();
            assertTrue(status.matches("(?s).*preflight +FAILED.*undo: Nothing to undo: it only checked.*"), status);
        } finally {
            Files.write(file, original);
        }
        assertUnchanged();
    }

    @Test
    @Order(3)
    void aHistoryRowAddedInProductionSinceThePlanIsNamed() throws Exception {
        sql("INSERT INTO " + TABLE + " (installed_rank, version, description, type, script, checksum, installed_by, "
                + "execution_time, success) VALUES (5, '3', 'hotfix', 'SQL', 'V3__hotfix.sql', 1, 'postgres', 0, true)");
        try {
            CommandLine.Run run = cli("--resume");
            assertEquals(3, run.exitCode(), run.all());
            assertTrue(run.err().contains("is stale") && run.err().contains("3 hotfix"), run.err());
        } finally {
            sql("DELETE FROM " + TABLE + " WHERE installed_rank = 5");
        }
        assertUnchanged();
    }

    @Test
    @Order(4)
    void anOccupiedArchiveFolderIsRefusedBeforeAnyWork() throws Exception {
        Path stray = project.root().resolve(plan.archive().folder()).resolve("notes.txt");
        Files.createDirectories(stray.getParent());
        Files.writeString(stray, "kept by hand\n");
        try {
            CommandLine.Run run = cli("--resume");
            assertEquals(3, run.exitCode(), run.all());
            assertTrue(run.err().contains(plan.archive().folder() + "/ already exists") && run.err().contains("notes.txt"), run.err());
            assertTrue(run.err().contains("Nothing was changed"), run.err());
            assertFalse(Files.exists(RunFolder.defaultFor(project.root(), plan.planId()).backup()), "stopped before the backup");
        } finally {
            Files.delete(stray);
            Files.delete(stray.getParent());
        }
        assertUnchanged();
    }

    @Test
    @Order(5)
    void aFullDiskWhileWritingTheBaselineLeavesNoHalfFileAndResumes() throws Exception {
        CommandLine.Run run = Runs.cli(Map.of(FaultHook.VARIABLE, "baseline:writing" + FaultHook.NO_SPACE), project.root(),
                production.url(), "--resume");
        assertEquals(5, run.exitCode(), run.all());
        assertTrue(run.err().contains("Could not write the baseline " + plan.baseline().path() + ": No space left on device"),
                run.err());
        Path baseline = project.root().resolve(plan.baseline().path());
        assertFalse(Files.exists(baseline), "no baseline");
        assertFalse(Files.exists(baseline.resolveSibling(baseline.getFileName() + ".partial")), "no half-written baseline");
        String status = status();
        assertTrue(status.matches("(?s).*baseline +FAILED.*undo: Deletes " + java.util.regex.Pattern.quote(plan.baseline().path())
                + " if it is still the file this run wrote.*"), status);
        assertEquals(rowsBefore, rows());
    }

    @Test
    @Order(6)
    void aHistoryTableChangedWhileTheJobRanIsRefusedAtTheHistoryStepAndRollbackStillWorks() throws Exception {
        Child.Exit killed = child.run(Map.of(FaultHook.VARIABLE, "history:start"), args("--resume"));
        assertTrue(killed.halted(), "the cause is gone, the run continues to the history step: " + killed.output());
        assertTrue(Files.exists(project.root().resolve(plan.baseline().path())), "the baseline was written");
        sql("UPDATE " + TABLE + " SET description = 'edited by hand' WHERE version = '1.1'");
        String altered = rows();

        CommandLine.Run run = cli("--resume");
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.err().contains("changed since the plan was made") && run.err().contains("history row"), run.err());
        assertTrue(run.err().contains("Nothing was written to the history table"), run.err());
        assertEquals(altered, rows(), "rows untouched");
        String status = status();
        assertTrue(status.matches("(?s).*history +FAILED.*undo: Nothing to undo: no row was written to .*flyway_schema_history.*"),
                status);

        CommandLine.Run rollback = cli("--rollback", "--yes");
        assertEquals(0, rollback.exitCode(), rollback.all());
        assertEquals(filesBefore, Runs.tree(project.root(), ".consolidate"), "every file back");
        assertEquals(altered, rows(), "the rollback left the rows someone else changed alone");
        sql("UPDATE " + TABLE + " SET description = 'notes index and trigger' WHERE version = '1.1'");
        assertUnchanged();
    }

    @Test
    @Order(7)
    void aSecondRunWhileOneRunsIsRefusedNamingTheHolder() throws Exception {
        List<String> command = new ArrayList<>(List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + work.resolve("tmp"), "-cp", System.getProperty("java.class.path"),
                dev.consolidate.cli.Main.class.getName()));
        command.addAll(args("--execute", "--yes"));
        Files.createDirectories(work.resolve("tmp"));
        Process first = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("tmp/first.log").toFile())
                .start();
        try {
            Path lock = RunFolder.defaultFor(project.root(), plan.planId()).lockFile();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(lock) && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(lock), "the first run took its lock: " + Files.readString(work.resolve("tmp/first.log")));
            CommandLine.Run second = cli("--execute", "--yes");
            assertEquals(3, second.exitCode(), second.all());
            assertTrue(second.err().contains("Another consolidate holds this run folder: pid " + first.pid()), second.err());
            assertTrue(second.err().contains("--execute"), second.err());
            assertTrue(first.waitFor(10, TimeUnit.MINUTES), "the first run ends");
            assertEquals(0, first.exitValue(), Files.readString(work.resolve("tmp/first.log")));
        } finally {
            first.destroyForcibly();
        }
        CommandLine.Run rollback = cli("--rollback", "--yes");
        assertEquals(0, rollback.exitCode(), rollback.all());
        assertUnchanged();
    }

    private void assertUnchanged() throws Exception {
        assertEquals(filesBefore, Runs.tree(project.root(), ".consolidate"), "the project as before");
        assertEquals(rowsBefore, rows(), "the history rows as before");
    }

    private String status() {
        CommandLine.Run st = cli("--status");
        assertEquals(0, st.exitCode(), st.all());
        return st.out();
    }

    private List<String> args(String... mode) {
        List<String> all = new ArrayList<>(List.of(mode));
        all.addAll(List.of("--dir", project.root().toString(), "--db-url", production.url(), "--scratch", Runs.scratch()));
        return all;
    }

    private CommandLine.Run cli(String... mode) {
        return Runs.cli(Map.of(), project.root(), production.url(), mode);
    }

    private void sql(String statement) throws Exception {
        try (Connection c = production.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private String rows() throws Exception {
        try (Connection c = production.connect()) {
            return Catalogs.rows(c, TABLE);
        }
    }
}
