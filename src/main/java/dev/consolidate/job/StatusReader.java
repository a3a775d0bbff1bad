package dev.consolidate.job;

import dev.consolidate.steps.FaultHook;
import dev.consolidate.steps.Journal;
import dev.consolidate.steps.ProtocolStep;
import dev.consolidate.steps.StepName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.StepExecution;

/** Reads --status from the job repository without running anything. */
final class StatusReader {
    private final RunHistory history;
    private final List<ProtocolStep> steps;
    private final FaultHook faultHook;

    StatusReader(RunHistory history, List<ProtocolStep> steps, FaultHook faultHook) {
        this.history = history;
        this.steps = steps;
        this.faultHook = faultHook;
    }

    JobStatus read() {
        Optional<RunHistory.Instance> latest = history.latestForward();
        if (latest.isEmpty()) {
            List<JobStatus.StepState> none = new ArrayList<>();
            for (ProtocolStep s : steps) {
                none.add(new JobStatus.StepState(s.name().id(), "NOT RUN", null, null, null, "", ""));
            }
            return new JobStatus(0, none);
        }
        long attempt = latest.get().attempt();
        List<StepName> undone = history.undone(attempt);
        List<JobStatus.StepState> out = new ArrayList<>();
        for (ProtocolStep s : steps) {
            Optional<StepExecution> se = history.lastForwardStep(attempt, s.name());
            if (se.isEmpty()) {
                out.add(new JobStatus.StepState(s.name().id(), "NOT RUN", null, null, null, "", ""));
                continue;
            }
            StepExecution e = se.get();
            Optional<StepExecution> undoExec = history.rollbackInstances(attempt).stream()
                    .map(r -> history.lastStep(r, RunHistory.UNDO_PREFIX + s.name().id()))
                    .flatMap(Optional::stream)
                    .reduce((a, b) -> b.getId() > a.getId() ? b : a);
            String state = stateOf(e);
            if (undone.contains(s.name())) {
                state = "UNDONE";
            } else if (undoExec.isPresent()) {
                state = "UNDO " + stateOf(undoExec.get());
            }
            Journal forward = new ReadOnlyJournal(history.journal(e));
            Journal own = undoExec.<Journal>map(u -> new ReadOnlyJournal(history.journal(u))).orElse(ReadOnlyJournal.empty());
            JobStepContext ctx = new JobStepContext(own, n -> n == s.name() ? forward
                    : history.lastForwardStep(attempt, n).<Journal>map(x -> new ReadOnlyJournal(history.journal(x)))
                            .orElse(ReadOnlyJournal.empty()), faultHook, JobProgress.silent(), s.name().id());
            Long took = e.getStartTime() == null || e.getEndTime() == null ? null
                    : Duration.between(e.getStartTime(), e.getEndTime()).toMillis();
            out.add(new JobStatus.StepState(s.name().id(), state, text(e.getStartTime()), text(e.getEndTime()), took,
                    s.describeDone(ctx), s.describeUndo(ctx)));
        }
        return new JobStatus(attempt, out);
    }

    private static String text(java.time.LocalDateTime t) {
        return t == null ? null : t.toString();
    }

    private static String stateOf(StepExecution e) {
        if (e.getStatus() == BatchStatus.FAILED && e.getExitStatus().getExitDescription().startsWith("interrupted")) {
            return "INTERRUPTED";
        }
        return e.getStatus().isRunning() ? "STARTED" : e.getStatus().toString();
    }
}
