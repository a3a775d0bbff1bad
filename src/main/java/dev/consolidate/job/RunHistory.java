package dev.consolidate.job;

import dev.consolidate.steps.StepName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;

/** What the job repository knows of a plan's attempts and rollbacks, read through the explorer. */
final class RunHistory {
    static final String FORWARD_JOB = "consolidation";
    static final String ROLLBACK_JOB = "consolidation-rollback";
    static final String UNDO_PREFIX = "undo-";

    private final JobExplorer explorer;
    private final JobIdentity identity;

    RunHistory(JobExplorer explorer, JobIdentity identity) {
        this.explorer = explorer;
        this.identity = identity;
    }

    /** The forward instances of this plan, oldest attempt first. */
    List<Instance> forwardInstances() {
        return instances(FORWARD_JOB);
    }

    List<Instance> rollbackInstances(long attempt) {
        return instances(ROLLBACK_JOB).stream().filter(i -> i.attempt() == attempt).toList();
    }

    Optional<Instance> latestForward() {
        List<Instance> all = forwardInstances();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The newest execution of a forward step within an attempt, with its context. */
    Optional<StepExecution> lastForwardStep(long attempt, StepName step) {
        return forwardInstances().stream().filter(i -> i.attempt() == attempt).findFirst()
                .flatMap(i -> lastStep(i, step.id()));
    }

    /** The newest execution of a step inside an instance. */
    Optional<StepExecution> lastStep(Instance instance, String stepName) {
        return instance.executions().stream()
                .flatMap(e -> e.getStepExecutions().stream())
                .filter(s -> s.getStepName().equals(stepName))
                .max(Comparator.comparing(StepExecution::getId));
    }

    /** Steps of an attempt whose undo completed in any of its rollbacks. */
    List<StepName> undone(long attempt) {
        List<StepName> out = new ArrayList<>();
        for (Instance r : rollbackInstances(attempt)) {
            for (JobExecution e : r.executions()) {
                for (StepExecution s : e.getStepExecutions()) {
                    if (s.getStatus() == BatchStatus.COMPLETED && s.getStepName().startsWith(UNDO_PREFIX)) {
                        StepName n = StepName.fromId(s.getStepName().substring(UNDO_PREFIX.length()));
                        if (!out.contains(n)) {
                            out.add(n);
                        }
                    }
                }
            }
        }
        return out;
    }

    Map<String, String> journal(StepExecution s) {
        return ExecutionContextJournal.entriesOf(s.getExecutionContext());
    }

    private List<Instance> instances(String jobName) {
        List<Instance> out = new ArrayList<>();
        for (JobInstance ji : explorer.getJobInstances(jobName, 0, Integer.MAX_VALUE)) {
            List<JobExecution> executions = new ArrayList<>(explorer.getJobExecutions(ji));
            if (executions.isEmpty() || !identity.matches(executions.get(0).getJobParameters())) {
                continue;
            }
            executions.sort(Comparator.comparing(JobExecution::getId));
            Long attempt = executions.get(0).getJobParameters().getLong(JobIdentity.ATTEMPT);
            out.add(new Instance(ji, attempt == null ? 1 : attempt, executions));
        }
        out.sort(Comparator.comparingLong(Instance::attempt).thenComparing(i -> i.instance().getInstanceId()));
        return out;
    }

    /** One job instance with its executions, oldest first. */
    record Instance(JobInstance instance, long attempt, List<JobExecution> executions) {
        JobExecution last() {
            return executions.get(executions.size() - 1);
        }

        boolean completed() {
            return last().getStatus() == BatchStatus.COMPLETED;
        }
    }
}
