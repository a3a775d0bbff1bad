package dev.consolidate.history;

/**
 * A folder that looks like one tool's migrations.
 *
 * @param tool     the tool
 * @param folder   the folder, relative to the project root, '/'-separated
 * @param evidence what was seen, for the message that names it
 */
public record Detection(Tool tool, String folder, String evidence) {
    @Override
    public String toString() {
        return tool + " in " + folder + " (" + evidence + ")";
    }
}
