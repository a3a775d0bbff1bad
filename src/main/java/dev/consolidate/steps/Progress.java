package dev.consolidate.steps;

/** What a step's execute call tells the job: finished, or call again (a checkpoint in between). */
public enum Progress {
    /** The step is complete. */
    DONE,
    /** One unit of a longer loop is done and journaled; call again for the next. */
    MORE
}
