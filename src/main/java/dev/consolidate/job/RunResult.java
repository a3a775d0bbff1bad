package dev.consolidate.job;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

/**
 * How one launch ended: the exit code, a one-line summary, and the problem that stopped it (with
 * the state line telling what is resumable), if any.
 */
public record RunResult(ExitCode exitCode, String summary, Problem problem) {

    static RunResult of(JobExecution execution, boolean undo) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new RunResult(ExitCode.SUCCESS, undo ? "Rollback completed." : "All steps completed.", null);
        }
        StepExecution failedStep = null;
        Throwable failure = null;
        List<String> completed = new ArrayList<>();
        for (StepExecution s : execution.getStepExecutions()) {
            if (s.getStatus() == BatchStatus.COMPLETED) {
                completed.add(s.getStepName());
            } else if (failedStep == null) {
                failedStep = s;
                failure = s.getFailureExceptions().isEmpty() ? null : s.getFailureExceptions().get(0);
            }
        }
        if (failure == null && !execution.getAllFailureExceptions().isEmpty()) {
            failure = execution.getAllFailureExceptions().get(0);
        }
        String stepName = failedStep == null ? "?" : failedStep.getStepName();
        Problem cause = unwrap(failure);
        ExitCode code;
        String next;
        if (undo) {
            code = ExitCode.MANUAL;
            next = "The undo of " + stepName + " could not complete. Fix the cause, then run --rollback again "
                    + "(it continues where it stopped); ROLLBACK.md in the run folder says how to undo by hand.";
        } else {
            code = cause == null ? ExitCode.STEP_FAILED : switch (cause.exitCode()) {
                case DRIFT -> ExitCode.DRIFT;
                case PRECONDITION -> ExitCode.PRECONDITION;
                case MANUAL -> ExitCode.MANUAL;
                default -> ExitCode.STEP_FAILED;
            };
            next = "Step " + stepName + " stopped"
                    + (completed.isEmpty() ? "" : " after " + String.join(", ", completed) + " completed")
                    + ". Fix the cause and run --resume to continue from " + stepName + ", or --rollback to undo.";
        }
        Problem p;
        if (cause != null) {
            String state = cause.state() == null ? next : cause.state() + " " + next;
            p = cause.withState(state);
            p = Problem.of(code, p.what()).why(p.why()).fix(p.fix()).state(p.state()).cause(cause.getCause()).build();
        } else {
            p = Problem.of(code, "Step " + stepName + " failed: " + (failure == null ? "unknown cause" : failure))
                    .why("An unexpected error; --verbose shows the stack trace.")
                    .state(next)
                    .cause(failure)
                    .build();
        }
        return new RunResult(code, p.what(), p);
    }

    private static Problem unwrap(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Problem p) {
                return p;
            }
        }
        return null;
    }
}
