package dev.consolidate.steps;

/**
 * One step of the protocol with its undo. Both directions are safe to run again: a resumed step
 * finds what its journal says it already did, and an undo finds half-made work the same way.
 */
public interface ProtocolStep {

    StepName name();

    /**
     * Does (or continues) the step. Return {@link Progress#MORE} after each journaled unit of a long
     * loop (one file replayed, one file archived) to checkpoint between units.
     */
    Progress execute(StepContext context) throws Exception;

    /**
     * Undoes what {@link #execute} did, as far as the journal shows it got, including a partly
     * completed run. Idempotent.
     */
    void compensate(StepContext context) throws Exception;

    /**
     * One or two sentences: what executing did, from {@code context.journalOf(name())} (not
     * {@code journal()}: other steps and --status describe a step through their own context).
     */
    String describeDone(StepContext context);

    /** One or two sentences: what the undo will do or did (for --status and ROLLBACK.md). */
    String describeUndo(StepContext context);

    /**
     * How to undo this step by hand, without this tool: shell or psql commands, one per entry, in
     * order (for ROLLBACK.md). Empty when there is nothing to undo.
     */
    default java.util.List<String> manualUndo(StepContext context) {
        return java.util.List.of();
    }
}
