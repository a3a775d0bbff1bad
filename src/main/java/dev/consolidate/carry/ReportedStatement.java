package dev.consolidate.carry;

/**
 * A data statement left out of the data file, named as reports name statements: where it is,
 * its command and target, and why; never its text.
 */
public record ReportedStatement(String location, String command, String target, String reason) {
    /** "path:line COMMAND target". */
    public String label() {
        return location + " " + command + (target == null ? "" : " " + target);
    }
}
