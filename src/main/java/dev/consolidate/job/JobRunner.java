package dev.consolidate.job;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.steps.FaultHook;
import dev.consolidate.steps.Journal;
import dev.consolidate.steps.ProtocolStep;
import dev.consolidate.steps.StepName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;

/**
 * Runs the protocol's steps as one Spring Batch job per plan attempt, and their undo as a
 * rollback job, both checkpointed in the run folder's job repository.
 *
 * <ul>
 *   <li>execute: starts an attempt (the first, or the next after a completed rollback);</li>
 *   <li>resume: recovers an execution a crash left STARTED, then restarts at the failed step (or
 *       continues an interrupted rollback);</li>
 *   <li>rollback: compensates completed and partly completed steps, newest first, down to a step;</li>
 *   <li>status: what ran, how it ended, what it did and what its undo would do.</li>
 * </ul>
 * The caller holds the run lock around each call.
 */
public final class JobRunner {
    static final String ROLLBACK_STEPS_KEY = "rollbackSteps";

    private final JobStore store;
    private final List<ProtocolStep> steps;
    private final JobIdentity identity;
    private final FaultHook faultHook;
    private final JobProgress progress;
    private final Clock clock;

    public JobRunner(JobStore store, List<ProtocolStep> steps, JobIdentity identity, FaultHook faultHook,
                     JobProgress progress, Clock clock) {
        this.store = store;
        this.steps = List.copyOf(steps);
        this.identity = identity;
        this.faultHook = faultHook;
        this.progress = progress;
        this.clock = clock;
    }

    /** Starts the plan's next attempt. */
    public RunResult execute() {
        RunHistory history = history();
        Optional<RunHistory.Instance> latest = history.latestForward();
        long attempt = 1;
        if (latest.isPresent()) {
            RunHistory.Instance a = latest.get();
            refuseIfRollbackIncomplete(history, a.attempt());
            if (history.rollbackInstances(a.attempt()).stream().anyMatch(RunHistory.Instance::completed)) {
                attempt = a.attempt() + 1;
            } else if (a.completed()) {
                throw Problem.precondition("This plan was already executed (attempt " + a.attempt() + " completed "
                                + a.last().getEndTime() + ").")
                        .why("A plan is executed once; the job repository in the run folder says so.")
                        .fix("See what it did with --status. To undo it: --rollback. To consolidate again: --plan.")
                        .state("Nothing was changed.")
                        .build();
            } else {
                throw Problem.precondition("An execution of this plan is incomplete (attempt " + a.attempt() + ", "
                                + a.last().getStatus() + ").")
                        .why("Starting over would run steps twice beside half-done work.")
                        .fix("Continue it with --resume, or undo it with --rollback. --status shows where it stopped.")
                        .state("Nothing was changed by this command.")
                        .build();
            }
        }
        return launchForward(attempt);
    }

    /** Continues whatever was interrupted: a rollback first, else the forward attempt. */
    public RunResult resume() {
        RunHistory history = history();
        RunHistory.Instance a = history.latestForward().orElseThrow(() -> Problem.precondition("Nothing to resume.")
                .why("This plan was never executed.")
                .fix("Run --execute.")
                .state("Nothing was changed.")
                .build());
        Optional<RunHistory.Instance> openRollback = openRollback(history, a.attempt());
        if (openRollback.isPresent()) {
            return relaunchRollback(openRollback.get());
        }
        if (history.rollbackInstances(a.attempt()).stream().anyMatch(RunHistory.Instance::completed)) {
            throw Problem.precondition("Nothing to resume: attempt " + a.attempt() + " was rolled back.")
                    .why("A rolled-back attempt is not continued.")
                    .fix("Run --execute to start the plan again, or --plan if the project changed.")
                    .state("Nothing was changed.")
                    .build();
        }
        if (a.completed()) {
            throw Problem.precondition("Nothing to resume: the plan's execution completed.")
                    .why("Every step finished.")
                    .fix("See --status; to undo: --rollback.")
                    .state("Nothing was changed.")
                    .build();
        }
        recoverInterrupted(a.last());
        return launchForward(a.attempt());
    }

    /** Undoes steps of the latest attempt, newest first, down to {@code to} (all when null). */
    public RunResult rollback(StepName to) {
        RunHistory history = history();
        RunHistory.Instance a = history.latestForward().orElseThrow(() -> Problem.precondition("Nothing to roll back.")
                .why("This plan was never executed.")
                .fix("Nothing to do.")
                .state("Nothing was changed.")
                .build());
        Optional<RunHistory.Instance> openRollback = openRollback(history, a.attempt());
        if (openRollback.isPresent()) {
            return relaunchRollback(openRollback.get());
        }
        recoverInterrupted(a.last());
        List<StepName> undone = history.undone(a.attempt());
        List<ProtocolStep> toUndo = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            ProtocolStep s = steps.get(i);
            if (to != null && s.name().ordinal() < to.ordinal()) {
                break;
            }
            if (history.lastForwardStep(a.attempt(), s.name()).isPresent() && !undone.contains(s.name())) {
                toUndo.add(s);
            }
        }
        if (toUndo.isEmpty()) {
            return new RunResult(ExitCode.SUCCESS, "Nothing to roll back" + (to == null ? "" : " down to " + to.id()) + ".", null);
        }
        long seq = history.rollbackInstances(a.attempt()).size() + 1L;
        String target = to == null ? StepName.values()[0].id() : to.id();
        return launch(rollbackJob(a.attempt(), toUndo), identity.rollback(a.attempt(), target, seq), true);
    }

    /** The state of the latest attempt, step by step. */
    public JobStatus status() {
        return new StatusReader(history(), steps, faultHook).read();
    }

    private RunResult launchForward(long attempt) {
        return launch(forwardJob(attempt), identity.forward(attempt), false);
    }

    private RunResult relaunchRollback(RunHistory.Instance rollback) {
        recoverInterrupted(rollback.last());
        JobParameters params = rollback.last().getJobParameters();
        List<ProtocolStep> toUndo = new ArrayList<>();
        List<String> names = rollbackStepNames(rollback);
        for (String n : names) {
            StepName sn = StepName.fromId(n.substring(RunHistory.UNDO_PREFIX.length()));
            steps.stream().filter(s -> s.name() == sn).findFirst().ifPresent(toUndo::add);
        }
        return launch(rollbackJob(rollback.attempt(), toUndo), params, true);
    }

    /** The undo steps a rollback instance was built with, in its order (recorded in its job context). */
    private static List<String> rollbackStepNames(RunHistory.Instance rollback) {
        String recorded = rollback.executions().get(0).getExecutionContext().getString(ROLLBACK_STEPS_KEY, "");
        return recorded.isEmpty() ? List.of() : List.of(recorded.split(","));
    }

    private RunResult launch(Job job, JobParameters params, boolean undo) {
        JobExecution execution;
        try {
            execution = store.launcher().run(job, params);
        } catch (Exception e) {
            throw Problem.of(ExitCode.INTERNAL, "The job could not be started: " + e.getMessage())
                    .why("The job repository refused the launch.")
                    .fix("Run --status to see the recorded state; report this with --verbose output.")
                    .state("No step ran.")
                    .cause(e)
                    .build();
        }
        return RunResult.of(execution, undo);
    }

    private Job forwardJob(long attempt) {
        Function<StepName, Journal> journals = journalsOf(attempt);
        SimpleJobBuilder b = null;
        for (ProtocolStep s : steps) {
            Step step = stepFor(s.name().id(), new ProtocolTasklet(s, false, store.repository(), journals, faultHook, progress),
                    s.name() == StepName.PREFLIGHT, steps.indexOf(s) + 1, steps.size(), false);
            b = b == null ? new JobBuilder(RunHistory.FORWARD_JOB, store.repository()).start(step) : b.next(step);
        }
        return b.build();
    }

    private Job rollbackJob(long attempt, List<ProtocolStep> toUndo) {
        Function<StepName, Journal> journals = journalsOf(attempt);
        SimpleJobBuilder b = null;
        List<String> names = new ArrayList<>();
        int n = 0;
        for (ProtocolStep s : toUndo) {
            String name = RunHistory.UNDO_PREFIX + s.name().id();
            names.add(name);
            Step step = stepFor(name, new ProtocolTasklet(s, true, store.repository(), journals, faultHook, progress),
                    false, ++n, toUndo.size(), true);
            b = b == null ? new JobBuilder(RunHistory.ROLLBACK_JOB, store.repository()).start(step) : b.next(step);
        }
        String joined = String.join(",", names);
        return b.listener(new org.springframework.batch.core.JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution jobExecution) {
                if (!jobExecution.getExecutionContext().containsKey(ROLLBACK_STEPS_KEY)) {
                    jobExecution.getExecutionContext().putString(ROLLBACK_STEPS_KEY, joined);
                    store.repository().updateExecutionContext(jobExecution);
                }
            }
        }).build();
    }

    private Step stepFor(String name, ProtocolTasklet tasklet, boolean everyRun, int number, int total, boolean undo) {
        return new StepBuilder(name, store.repository())
                .tasklet(tasklet, new ResourcelessTransactionManager())
                .allowStartIfComplete(everyRun)
                .listener(new StepExecutionListener() {
                    // Timed here on the run's clock: Spring Batch stamps its own times in the system's time zone.
                    private Instant started;

                    @Override
                    public void beforeStep(StepExecution stepExecution) {
                        started = clock.instant();
                        progress.stepStarted(number, total, name, undo);
                    }

                    @Override
                    public ExitStatus afterStep(StepExecution stepExecution) {
                        Duration took = started == null ? Duration.ZERO : Duration.between(started, clock.instant());
                        progress.stepFinished(name, stepExecution.getStatus().toString(), took);
                        return null;
                    }
                })
                .build();
    }

    private Function<StepName, Journal> journalsOf(long attempt) {
        return step -> {
            Optional<StepExecution> se = history().lastForwardStep(attempt, step);
            return se.<Journal>map(s -> new ReadOnlyJournal(ExecutionContextJournal.entriesOf(s.getExecutionContext())))
                    .orElse(ReadOnlyJournal.empty());
        };
    }

    private Optional<RunHistory.Instance> openRollback(RunHistory history, long attempt) {
        return history.rollbackInstances(attempt).stream().filter(r -> !r.completed()).reduce((x, y) -> y);
    }

    private void refuseIfRollbackIncomplete(RunHistory history, long attempt) {
        if (openRollback(history, attempt).isPresent()) {
            throw Problem.precondition("A rollback of this plan is incomplete.")
                    .why("Starting the plan again beside a half-done undo would mix the two.")
                    .fix("Finish the rollback with --rollback (or --resume), then --execute.")
                    .state("Nothing was changed by this command.")
                    .build();
        }
    }

    /**
     * An execution a crash left STARTED cannot be restarted as such: mark it and its running steps
     * FAILED (the caller holds the run lock, so nothing else is running it).
     */
    private void recoverInterrupted(JobExecution execution) {
        if (!execution.getStatus().isRunning()) {
            return;
        }
        // In the time zone Spring Batch stamps its own start and end times in.
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault());
        ExitStatus interrupted = ExitStatus.FAILED.addExitDescription("interrupted: the process ended without finishing this step");
        for (StepExecution s : execution.getStepExecutions()) {
            if (s.getStatus().isRunning()) {
                s.setStatus(BatchStatus.FAILED);
                s.setExitStatus(interrupted);
                s.setEndTime(now);
                store.repository().update(s);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(interrupted);
        execution.setEndTime(now);
        store.repository().update(execution);
    }

    private RunHistory history() {
        return new RunHistory(store.explorer(), identity);
    }
}
