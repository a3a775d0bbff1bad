package dev.consolidate.job;

import dev.consolidate.steps.FaultHook;
import dev.consolidate.steps.Journal;
import dev.consolidate.steps.Progress;
import dev.consolidate.steps.ProtocolStep;
import dev.consolidate.steps.StepName;
import java.util.function.Function;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Runs a protocol step forwards ({@link ProtocolStep#execute}) or backwards
 * ({@link ProtocolStep#compensate}) as a Spring Batch tasklet. Forwards, MORE becomes CONTINUABLE:
 * each unit is a checkpoint. Each call first passes the fault point {@code <step>:start} (or
 * {@code undo-<step>:start}).
 */
final class ProtocolTasklet implements Tasklet {
    private final ProtocolStep step;
    private final boolean undo;
    private final JobRepository repository;
    private final Function<StepName, Journal> forwardJournals;
    private final FaultHook faultHook;
    private final JobProgress progress;

    ProtocolTasklet(ProtocolStep step, boolean undo, JobRepository repository,
                    Function<StepName, Journal> forwardJournals, FaultHook faultHook, JobProgress progress) {
        this.step = step;
        this.undo = undo;
        this.repository = repository;
        this.forwardJournals = forwardJournals;
        this.faultHook = faultHook;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution se = chunkContext.getStepContext().getStepExecution();
        JobStepContext ctx = new JobStepContext(new ExecutionContextJournal(se, repository), forwardJournals, faultHook,
                progress, step.name().id());
        // Every step, forwards and backwards, can be killed before it does anything ("baseline:start",
        // "undo-archive:start"); the steps name their own points inside.
        ctx.faultPoint((undo ? "undo-" : "") + step.name().id() + ":start");
        if (undo) {
            step.compensate(ctx);
            return RepeatStatus.FINISHED;
        }
        return step.execute(ctx) == Progress.MORE ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }
}
