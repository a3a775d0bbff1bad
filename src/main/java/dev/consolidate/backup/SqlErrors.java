package dev.consolidate.backup;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A server error in one line for a Problem: the primary message and SQLSTATE only. The detail and
 * context lines can quote row values (a COPY error names the line and the value), and rows are
 * production's data, which does not belong in messages or logs.
 */
final class SqlErrors {
    private SqlErrors() {
    }

    static String describe(SQLException e) {
        String message = e.getMessage();
        if (e instanceof PSQLException p) {
            ServerErrorMessage server = p.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                message = server.getMessage();
            }
        }
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return message + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }
}
