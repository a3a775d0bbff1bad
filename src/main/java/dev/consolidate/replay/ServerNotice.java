package dev.consolidate.replay;

/**
 * A NOTICE or WARNING the server sent while a file ran. An error swallowed by an
 * {@code EXCEPTION WHEN OTHERS} block often leaves only this behind, and surfaces many files later.
 *
 * @param severity NOTICE, WARNING, INFO... as the server sent it
 * @param sqlState the condition's SQLSTATE (00000 for a plain RAISE NOTICE)
 * @param message  the server's message
 * @param line     the file line of the statement that caused it
 */
public record ServerNotice(String severity, String sqlState, String message, int line) {
    @Override
    public String toString() {
        return "line " + line + ": " + severity + ": " + message + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")");
    }
}
