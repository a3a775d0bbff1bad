package dev.consolidate.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The rollback runbook: for each completed step, newest first, what it did, how to undo it with
 * this tool and by hand; where the backup is and how to restore it. ROLLBACK.md is this record
 * through a template; rollback.json is this record as JSON.
 *
 * @param planId        the plan
 * @param project       the project root
 * @param production    production's address (no password)
 * @param baselinePath  the baseline file
 * @param runFolder     the run folder (plan, checkpoints, backup, saved rows)
 * @param backup        where the backup is and how to restore it
 * @param steps         completed steps, newest first
 */
@JsonPropertyOrder({"planId", "project", "production", "baselinePath", "runFolder", "backup", "steps"})
public record RollbackReport(String planId, String project, String production, String baselinePath, String runFolder,
                             Backup backup, List<Step> steps) {

    /**
     * @param description what was backed up, or the user's own backup
     * @param restore     the command that restores it into an empty database
     */
    @JsonPropertyOrder({"description", "restore"})
    public record Backup(String description, String restore) {
    }

    /**
     * @param step       the step's id
     * @param done       what it did
     * @param undo       what its undo does
     * @param toolUndo   the command that undoes it (and every later step) with this tool
     * @param manualUndo commands that undo it by hand
     */
    @JsonPropertyOrder({"step", "done", "undo", "toolUndo", "manualUndo"})
    public record Step(String step, String done, String undo, String toolUndo, List<String> manualUndo) {
        /** For the template: whether there is anything to do by hand. */
        public boolean hasManualUndo() {
            return !manualUndo.isEmpty();
        }
    }

    public String markdown() {
        return Templates.render("ROLLBACK.md", this);
    }
}
