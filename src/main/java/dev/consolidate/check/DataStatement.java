package dev.consolidate.check;

/**
 * A statement of a history that changes rows: a catalog comparison cannot see what it did. Named
 * by its command and target only, never by its values (migrations carry secrets; reports are shared).
 *
 * @param history the history's label
 * @param file    the file, relative to its project root
 * @param line    1-based line where the statement starts
 * @param command its leading keywords and target, e.g. "INSERT INTO storage.buckets", "UPDATE app.flags"
 */
public record DataStatement(String history, String file, int line, String command) {
}
