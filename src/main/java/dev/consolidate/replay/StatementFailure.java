package dev.consolidate.replay;

import dev.consolidate.sql.Statement;
import java.sql.SQLException;
import java.util.List;

/**
 * The server rejected a statement of a file (or the file's final COMMIT, then {@code statement}
 * is null). Carries what {@link ReplayFailure} needs to point at the file's line.
 */
final class StatementFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient PreparedMigration file;
    private final transient Statement statement;
    private final transient SQLException error;
    private final transient List<ServerNotice> notices;

    StatementFailure(PreparedMigration file, Statement statement, SQLException error, List<ServerNotice> notices) {
        super(error.getSQLState(), null, false, false);
        this.file = file;
        this.statement = statement;
        this.error = error;
        this.notices = List.copyOf(notices);
    }

    PreparedMigration file() {
        return file;
    }

    /** Null when the file's own statements passed and its COMMIT failed (a deferred constraint). */
    Statement statement() {
        return statement;
    }

    SQLException error() {
        return error;
    }

    /** What the server said in the file before it failed. */
    List<ServerNotice> notices() {
        return notices;
    }
}
