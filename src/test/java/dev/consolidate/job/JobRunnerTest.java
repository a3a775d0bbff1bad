package dev.consolidate.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.steps.FaultHook;
import dev.consolidate.steps.ProtocolStep;
import dev.consolidate.steps.StepName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunnerTest {
    @TempDir
    Path runDir;
    @TempDir
    Path work;

    @Test
    void executesEveryStepOnceAndRefusesToRunAgain() throws Exception {
        try (JobStore store = JobStore.open(runDir)) {
            JobRunner r = JobHarness.runner(store, JobHarness.steps(work), FaultHook.disarmed());
            assertEquals(ExitCode.SUCCESS, r.execute().exitCode());
            assertEquals(List.of("backup-0.txt", "backup-1.txt", "preflight-0.txt", "replay-0.txt", "replay-1.txt",
                    "replay-2.txt"), files());
            JobStatus st = r.status();
            assertEquals(1, st.attempt());
            assertTrue(st.steps().stream().limit(3).allMatch(s -> s.state().equals("COMPLETED")), st.toString());
            assertEquals("wrote 3 of 3 files", st.steps().get(2).done());
            Problem again = assertThrows(Problem.class, r::execute);
            assertEquals(ExitCode.PRECONDITION, again.exitCode());
        }
    }

    @Test
    void aFailedStepResumesWhereItStoppedKeepingItsJournal() throws Exception {
        try (JobStore store = JobStore.open(runDir)) {
            List<ProtocolStep> steps = new ArrayList<>(JobHarness.steps(work));
            steps.set(2, new FileWritingStep(StepName.REPLAY, work, 3, 1));
            JobRunner r = JobHarness.runner(store, steps, FaultHook.disarmed());
            RunResult failed = r.execute();
            assertEquals(ExitCode.STEP_FAILED, failed.exitCode());
            assertTrue(failed.problem().state().contains("--resume"), failed.problem().state());
            assertTrue(failed.problem().what().contains("disk said no"));
            assertEquals("FAILED", r.status().steps().get(2).state());
            assertEquals(ExitCode.SUCCESS, r.resume().exitCode());
            assertEquals(6, files().size());
            assertThrows(Problem.class, r::resume, "nothing left to resume");
        }
    }

    @Test
    void rollbackUndoesNewestFirstDownToAStepAndThenAll() throws Exception {
        try (JobStore store = JobStore.open(runDir)) {
            JobRunner r = JobHarness.runner(store, JobHarness.steps(work), FaultHook.disarmed());
            r.execute();
            assertEquals(ExitCode.SUCCESS, r.rollback(StepName.REPLAY).exitCode());
            assertEquals(List.of("backup-0.txt", "backup-1.txt", "preflight-0.txt"), files());
            assertEquals("UNDONE", r.status().steps().get(2).state());
            assertEquals("COMPLETED", r.status().steps().get(1).state());
            assertEquals(ExitCode.SUCCESS, r.rollback(null).exitCode());
            assertEquals(List.of(), files());
            assertEquals("Nothing to roll back.", r.rollback(null).summary());
            assertEquals(ExitCode.SUCCESS, r.execute().exitCode(), "a rolled-back plan can run again");
            assertEquals(2, r.status().attempt());
            assertEquals(6, files().size());
        }
    }

    @Test
    void aKilledExecutionResumesAndAKilledRollbackCompletes() throws Exception {
        assertEquals(FaultHook.HALT_STATUS, harness("execute", "replay:written:1"));
        assertEquals(List.of("backup-0.txt", "backup-1.txt", "preflight-0.txt", "replay-0.txt", "replay-1.txt"), files());
        try (JobStore store = JobStore.open(runDir)) {
            assertEquals("STARTED", JobHarness.runner(store, JobHarness.steps(work), FaultHook.disarmed()).status().steps().get(2).state());
        }
        assertEquals(0, harness("resume", null));
        assertEquals(6, files().size());

        assertEquals(FaultHook.HALT_STATUS, harness("rollback", "undo-backup:before:1"));
        assertEquals(List.of("backup-1.txt", "preflight-0.txt"), files(), "replay undone, backup half undone");
        assertEquals(0, harness("rollback", null));
        assertEquals(List.of(), files());
    }

    private int harness(String mode, String fault) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JobHarness.class.getName(),
                runDir.toString(), work.toString(), mode);
        pb.redirectErrorStream(true);
        pb.environment().remove(FaultHook.VARIABLE);
        if (fault != null) {
            pb.environment().put(FaultHook.VARIABLE, fault);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        if (code != 0 && code != FaultHook.HALT_STATUS) {
            throw new AssertionError("harness " + mode + " exited " + code + ":\n" + out);
        }
        return code;
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(work)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void statusOfAPlanNeverRunSaysSo() {
        try (JobStore store = JobStore.open(runDir)) {
            JobStatus st = JobHarness.runner(store, JobHarness.steps(work), FaultHook.disarmed()).status();
            assertEquals(0, st.attempt());
            assertFalse(st.steps().isEmpty());
            assertTrue(st.steps().stream().allMatch(s -> s.state().equals("NOT RUN")));
        }
    }
}
