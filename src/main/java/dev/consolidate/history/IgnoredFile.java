package dev.consolidate.history;

/**
 * A file in the migrations folder the tool does not treat as a migration.
 *
 * @param path   relative to the project root, '/'-separated
 * @param reason why the tool skips it, e.g. "not a .sql file"
 */
public record IgnoredFile(String path, String reason) {
}
