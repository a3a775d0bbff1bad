package dev.consolidate.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.consolidate.steps.FaultHook;
import dev.consolidate.steps.PinnedClock;
import dev.consolidate.testsupport.Catalogs;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.Productions;
import dev.consolidate.testsupport.Projects;
import dev.consolidate.testsupport.Projects.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Supabase project and its production, killed like SIGKILL inside every step in turn. A run
 * killed again and again and resumed each time ends byte-identical to an uninterrupted run (files,
 * archive, baseline, run-folder artifacts, reports, history rows); a rollback after any step, or
 * after a killed rollback, returns the project and the history table to what they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashResumeTest {
    static final String CLOCK = "2026-11-21T10:15:30Z";
    static final String TABLE = "supabase_migrations.schema_migrations";
    static final String BASELINE = "supabase/migrations/20240103120000_consolidated_baseline.sql";

    /** Every step's start and the points the steps name inside, in the order a run reaches them. */
    static final List<String> KILL_POINTS = List.of(
            "preflight:start", "backup:start", "backup:before-write", "replay:start",
            "baseline:start", "baseline:before-write", "baseline:writing", "baseline:written",
            "parity:start", "archive:start", "archive:before:0", "archive:moved:1", "archive:moved:2",
            "history:start", "history:before-apply", "history:committed", "report:start");

    private Project project;
    private Productions.Fixture production;
    private Child child;
    private Map<String, String> filesBefore;
    private String rowsBefore;
    private Outcome reference;

    /** What a run leaves: every file of the project (the checkpoint store aside) and the history rows. */
    record Outcome(Map<String, String> files, String rows) {
    }

    @BeforeAll
    void buildProjectAndProduction(@TempDir Path shared) throws Exception {
        project = Projects.supabase(shared.resolve("app"));
        production = ProductionServer.of(project);
        child = new Child(shared.resolve("tmp"));
        filesBefore = Runs.tree(project.root());
        rowsBefore = rows();
    }

    @AfterAll
    void stopEverything() {
        Runs.stop(production, child);
    }

    @Test
    @Order(1)
    void anUninterruptedRunIsTheReferenceAndAKilledRollbackCompletesRestoringEverything() throws Exception {
        assertEquals(0, cli("--plan").exitCode());
        CommandLine.Run run = cli("--execute", "--yes");
        assertEquals(0, run.exitCode(), run.all());
        reference = outcome();
        assertTrue(reference.files().containsKey(BASELINE), reference.files().keySet().toString());

        Child.Exit killed = child.run(env("undo-history:before"), args(List.of("--rollback", "--yes")));
        assertTrue(killed.halted(), "a rollback killed in the undo of the history step: " + killed.output());
        assertEquals(reference.rows(), rows(), "the undo's transaction never committed");
        CommandLine.Run rollback = cli("--rollback", "--yes");
        assertEquals(0, rollback.exitCode(), rollback.all());
        assertRestored();
    }

    @Test
    @Order(3)
    void killedInsideEveryStepAndResumedEachTimeItEndsByteIdentical() throws Exception {
        assumeTrue(reference != null, "needs the reference run");
        startOver();
        List<String> args = new ArrayList<>(List.of("--execute", "--yes"));
        for (String point : KILL_POINTS) {
            Child.Exit exit = child.run(env(point), args(args));
            assertTrue(exit.halted(), "killed at " + point + ": exit " + exit.code() + "\n" + exit.output());
            assertEquals(0, child.stopLeftovers(), "servers left by the run killed at " + point);
            checkMidway(point);
            args = List.of("--resume");
        }
        CommandLine.Run last = cli("--resume", "--verbose");
        assertEquals(0, last.exitCode(), last.all());
        assertSame(reference, outcome());
    }

    @Test
    @Order(2)
    void rollbackAfterAnyStepRestoresFilesAndRows() throws Exception {
        assumeTrue(reference != null, "needs the reference run");
        for (String point : List.of("replay:start", "baseline:start", "baseline:writing", "parity:start", "archive:start",
                "archive:moved:1", "history:committed", "report:start")) {
            Child.Exit exit = child.run(env(point), args(List.of("--execute", "--yes")));
            assertTrue(exit.halted(), "killed at " + point + ": exit " + exit.code() + "\n" + exit.output());
            CommandLine.Run rollback = cli("--rollback", "--yes");
            assertEquals(0, rollback.exitCode(), "after " + point + ": " + rollback.all());
            assertRestored("rolled back after " + point + ":\n" + rollback.all());
        }
    }

    /** What the files say at a few points: never half a baseline, the history row only once committed. */
    private void checkMidway(String point) throws Exception {
        Path baseline = project.root().resolve(BASELINE);
        switch (point) {
            case "baseline:before-write" -> assertFalse(Files.exists(baseline));
            case "baseline:writing" -> {
                assertFalse(Files.exists(baseline), "no half-written baseline under its own name");
                assertTrue(Files.exists(baseline.resolveSibling(baseline.getFileName() + ".partial")));
            }
            case "history:before-apply" -> assertEquals(rowsBefore, rows());
            case "history:committed" -> assertEquals(reference.rows(), rows());
            default -> {
            }
        }
    }

    /** Deletes the run folder and plans again: the same plan, the same run folder, nothing else left. */
    private void startOver() throws IOException {
        deleteTree(project.root().resolve(".consolidate"));
        assertEquals(filesBefore, Runs.tree(project.root()));
        CommandLine.Run plan = cli("--plan");
        assertEquals(0, plan.exitCode(), plan.all());
    }

    private void assertRestored() throws Exception {
        assertRestored("");
    }

    private void assertRestored(String context) throws Exception {
        assertEquals(filesBefore, Runs.tree(project.root(), ".consolidate"), "every path and byte as before " + context);
        assertEquals(rowsBefore, rows(), "the history rows as before " + context);
    }

    private Outcome outcome() throws Exception {
        Map<String, String> files = Runs.tree(project.root());
        files.keySet().removeIf(f -> f.matches("\\.consolidate/[^/]+/state(/.*)?"));
        return new Outcome(files, rows());
    }

    private static void assertSame(Outcome expected, Outcome actual) {
        List<String> diff = new ArrayList<>();
        for (String f : new TreeSet<>(union(expected.files().keySet(), actual.files().keySet()))) {
            String a = expected.files().get(f);
            String b = actual.files().get(f);
            if (a == null || b == null || !a.equals(b)) {
                diff.add((a == null ? "only after the crashes: " : b == null ? "only in the reference: " : "differs: ") + f);
            }
        }
        assertEquals(List.of(), diff, "files of the resumed run against the uninterrupted one");
        assertEquals(expected.rows(), actual.rows(), "history rows");
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    private Map<String, String> env(String fault) {
        return fault == null ? Map.of(PinnedClock.VARIABLE, CLOCK) : Map.of(PinnedClock.VARIABLE, CLOCK, FaultHook.VARIABLE, fault);
    }

    private List<String> args(List<String> mode) {
        List<String> all = new ArrayList<>(mode);
        all.addAll(List.of("--dir", project.root().toString(), "--db-url", production.url(), "--scratch", Runs.scratch()));
        return all;
    }

    private CommandLine.Run cli(String... mode) {
        return Runs.cli(env(null), project.root(), production.url(), mode);
    }

    private String rows() throws Exception {
        try (Connection c = production.connect()) {
            return Catalogs.rows(c, TABLE);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
