package dev.consolidate.job;

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
     * @param started    when its last execution started (ISO-8601 local time of the run), or null
     * @param ended      when it ended, or null
     * @param tookMillis how long it ran in milliseconds, or null
     * @param done       what it changed (from its journal)
     * @param undo       what its undo does or did
     */
    public record StepState(String step, String state, String started, String ended, Long tookMillis,
                            String done, String undo) {
    }
}
