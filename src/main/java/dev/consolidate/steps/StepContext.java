package dev.consolidate.steps;

/**
 * What a step is given at run time: its own journal, the journals of the steps before it
 * (read-only), progress reporting, and the fault hook that tests use to kill the process at a
 * named point. Collaborators (production, scratch, catalog, adapters) come through the step's
 * constructor instead.
 */
public interface StepContext {
    /** This step's own journal (during an undo: the undo's own journal). */
    Journal journal();

    /**
     * The journal the forward run of a step left, read-only (empty if it never ran). During an
     * undo, {@code journalOf(name())} is how the undo learns what the step did.
     */
    Journal journalOf(StepName step);

    /**
     * Test-only crash point: halts the JVM like SIGKILL when CONSOLIDATE_FAULT names this point, or
     * throws {@link FaultHook.NoSpace} when it names {@code <point>=enospc}.
     */
    void faultPoint(String point);

    /** Reports progress within the step (file n of N). */
    void progress(String detail);
}
