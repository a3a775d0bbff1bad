package dev.consolidate.job;

import dev.consolidate.steps.FaultHook;
import dev.consolidate.steps.ProtocolStep;
import dev.consolidate.steps.StepName;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Runs the test job in its own process, so that a test can kill it part-way. */
public final class JobHarness {
    private JobHarness() {
    }

    static List<ProtocolStep> steps(Path work) {
        return List.of(
                new FileWritingStep(StepName.PREFLIGHT, work, 1, 0),
                new FileWritingStep(StepName.BACKUP, work, 2, 0),
                new FileWritingStep(StepName.REPLAY, work, 3, 0));
    }

    static JobRunner runner(JobStore store, List<ProtocolStep> steps, FaultHook hook) {
        return new JobRunner(store, steps, new JobIdentity("plan-1", "fp-1"), hook, JobProgress.silent(), Clock.systemUTC());
    }

    /** args: runDir workDir mode(execute|resume|rollback) */
    public static void main(String[] args) {
        Path runDir = Path.of(args[0]);
        Path work = Path.of(args[1]);
        try (JobStore store = JobStore.open(runDir)) {
            JobRunner r = runner(store, steps(work), FaultHook.fromEnvironment(System.getenv()));
            RunResult result = switch (args[2]) {
                case "execute" -> r.execute();
                case "resume" -> r.resume();
                default -> r.rollback(null);
            };
            System.exit(result.exitCode().code());
        }
    }
}
