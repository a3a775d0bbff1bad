package dev.consolidate.replay;

/**
 * Where the server rejected a migration during a replay, as data: the cause of the replay's
 * Problem, so a caller (the CI gate) reads file, line and message without parsing text.
 */
public final class RejectedStatement extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String sqlState;
    private final String serverMessage;

    RejectedStatement(String file, int line, int column, String sqlState, String serverMessage) {
        super(file + " line " + line + ", column " + column + ": " + serverMessage + " (SQLSTATE " + sqlState + ")", null,
                false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    /** The migration file, project-relative. */
    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String sqlState() {
        return sqlState;
    }

    /** The server's message, followed by " (SQLSTATE ...)" in {@link #describe()}. */
    public String serverMessage() {
        return serverMessage;
    }

    /** "message (SQLSTATE code)", as the replay's Problem shows it. */
    public String describe() {
        return serverMessage + " (SQLSTATE " + sqlState + ")";
    }
}
