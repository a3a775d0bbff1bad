package dev.consolidate.check;

/**
 * A migration the server rejected during a check's replay: itself a finding, because whatever
 * applies the history for real would stop there too.
 *
 * @param history the history it belongs to (its label)
 * @param file    the file, relative to its project root
 * @param line    1-based line of the rejected statement (or of the server's error position in it)
 * @param column  1-based column
 * @param message the server's message and SQLSTATE; never the file's text
 * @param applied how many migrations before it replayed: what was compared instead of the whole history
 * @param total   migrations in the history
 */
public record ReplayFinding(String history, String file, int line, int column, String message, int applied, int total) {

    /** "supabase/migrations/2025_x.sql line 12": where to look. */
    public String location() {
        return file + " line " + line;
    }
}
