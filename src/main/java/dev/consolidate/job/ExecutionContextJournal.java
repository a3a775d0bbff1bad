package dev.consolidate.job;

import dev.consolidate.steps.Journal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.item.ExecutionContext;

/**
 * A journal kept in the step's ExecutionContext and written to the job repository on every
 * change. The steps run under a resourceless transaction manager, so each write commits on its
 * own at once instead of waiting for the end of the tasklet call.
 */
final class ExecutionContextJournal implements Journal {
    static final String PREFIX = "journal.";

    private final StepExecution stepExecution;
    private final JobRepository repository;

    ExecutionContextJournal(StepExecution stepExecution, JobRepository repository) {
        this.stepExecution = stepExecution;
        this.repository = repository;
    }

    @Override
    public void record(String key, String value) {
        stepExecution.getExecutionContext().putString(PREFIX + key, value);
        repository.updateExecutionContext(stepExecution);
    }

    @Override
    public Optional<String> get(String key) {
        ExecutionContext ec = stepExecution.getExecutionContext();
        return ec.containsKey(PREFIX + key) ? Optional.of(ec.getString(PREFIX + key)) : Optional.empty();
    }

    @Override
    public void forget(String key) {
        stepExecution.getExecutionContext().remove(PREFIX + key);
        repository.updateExecutionContext(stepExecution);
    }

    @Override
    public Map<String, String> entries() {
        return entriesOf(stepExecution.getExecutionContext());
    }

    static Map<String, String> entriesOf(ExecutionContext ec) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : ec.entrySet()) {
            if (e.getKey().startsWith(PREFIX) && e.getValue() instanceof String s) {
                out.put(e.getKey().substring(PREFIX.length()), s);
            }
        }
        return out;
    }
}
