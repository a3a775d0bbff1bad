package dev.consolidate.job;

import dev.consolidate.steps.FaultHook;
import dev.consolidate.steps.Journal;
import dev.consolidate.steps.StepContext;
import dev.consolidate.steps.StepName;
import java.util.function.Function;

/** The StepContext a tasklet hands its protocol step. */
final class JobStepContext implements StepContext {
    private final Journal journal;
    private final Function<StepName, Journal> forwardJournals;
    private final FaultHook faultHook;
    private final JobProgress progress;
    private final String stepLabel;

    JobStepContext(Journal journal, Function<StepName, Journal> forwardJournals, FaultHook faultHook,
                   JobProgress progress, String stepLabel) {
        this.journal = journal;
        this.forwardJournals = forwardJournals;
        this.faultHook = faultHook;
        this.progress = progress;
        this.stepLabel = stepLabel;
    }

    @Override
    public Journal journal() {
        return journal;
    }

    @Override
    public Journal journalOf(StepName step) {
        return forwardJournals.apply(step);
    }

    @Override
    public void faultPoint(String point) {
        faultHook.reach(point);
    }

    @Override
    public void progress(String detail) {
        progress.detail(stepLabel, detail);
    }
}
