package dev.consolidate.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What --status shows.
 *
 * @param attempt the latest attempt (0 when the plan never ran)
 * @param steps   every protocol step in order, including those that never ran
 */
public record JobStatus(long attempt, List<StepState> steps) {

    /**
     * @param step       the step's id ("backup")
     * @param state      NOT RUN, STARTED, COMPLETED, FAILED, INTERRUPTED, UNDONE, UNDO FAILED, ...
     * @param started    when its last execution started, or null
     * @param ended      when it ended, or null
     * @param took       how long it ran, or null
     * @param done       what it changed (from its journal)
     * @param undo       what its undo does or did
     */
    public record StepState(String step, String state, LocalDateTime started, LocalDateTime ended, Duration took,
                            String done, String undo) {
    }
}
