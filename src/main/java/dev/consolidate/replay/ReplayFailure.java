package dev.consolidate.replay;

import dev.consolidate.problem.Problem;
import dev.consolidate.sql.SourcePosition;
import dev.consolidate.sql.SourceText;
import dev.consolidate.sql.Statement;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a rejected statement into the message a user can act on: the file, line and column the
 * server's error position maps to, the server's message and SQLSTATE, why that usually happens,
 * and what to do. Of the file's text only the failing statement's first line is shown (histories
 * hold committed secrets).
 */
final class ReplayFailure {
    private static final int FIRST_LINE_MAX = 120;
    private static final Pattern INLINE_BLOCK_LINE = Pattern.compile("PL/pgSQL function inline_code_block line (\\d+)");
    private static final Pattern COPY_LINE = Pattern.compile("^COPY [^,]+, line (\\d+)", Pattern.MULTILINE);
    private static final Pattern BODY_START = Pattern.compile("\\$([A-Za-z_][A-Za-z_0-9]*)?\\$|'");

    private ReplayFailure() {
    }

    /**
     * @param what           "Replay" or "Bootstrap": what was running
     * @param failure        the rejected statement
     * @param number         1-based number of the file in the run
     * @param total          files in the run
     * @param earlierWarnings warnings of the files before it, oldest first (path and notice)
     * @param state          what the failure left, for the State line
     */
    static Problem problem(String what, StatementFailure failure, int number, int total,
                           List<String> earlierWarnings, String state) {
        PreparedMigration file = failure.file();
        SQLException error = failure.error();
        ServerErrorMessage server = error instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
        String sqlState = error.getSQLState() == null ? "none" : error.getSQLState();
        String message = server != null && server.getMessage() != null ? server.getMessage() : String.valueOf(error.getMessage());
        SourcePosition at = locate(file.source(), failure.statement(), server);

        StringBuilder text = new StringBuilder(what).append(" failed at ").append(file.migration().path()).append(' ')
                .append(at).append(total > 1 ? " (file " + number + " of " + total + ")" : "").append(":\n  ")
                .append(message).append(" (SQLSTATE ").append(sqlState).append(')');
        if (failure.statement() != null) {
            text.append("\n  statement: ").append(firstLine(failure.statement().text()));
        } else {
            text.append("\n  at the end of the file, when its transaction committed");
        }
        if (server != null && server.getWhere() != null) {
            server.getWhere().lines().filter(l -> l.startsWith("PL/pgSQL function")).findFirst()
                    .ifPresent(l -> text.append("\n  in: ").append(l));
        }
        if (server != null && server.getHint() != null) {
            text.append("\n  hint: ").append(server.getHint());
        }

        StringBuilder why = new StringBuilder(SqlStates.why(sqlState, file.mode()));
        if (!failure.notices().isEmpty()) {
            why.append(" Earlier in this file the server said: ").append(failure.notices().get(failure.notices().size() - 1)).append('.');
        }
        if (!earlierWarnings.isEmpty()) {
            why.append(" Earlier files raised ").append(earlierWarnings.size()).append(earlierWarnings.size() == 1 ? " message" : " messages")
                    .append(" (first: ").append(earlierWarnings.get(0)).append("); an error swallowed by an EXCEPTION block there"
                            + " can surface here.");
        }
        return Problem.stepFailed(text.toString())
                .why(why.toString())
                .fix(SqlStates.fix(sqlState, what))
                .state(state)
                .cause(new RejectedStatement(file.migration().path(), at.line(), at.column(), sqlState, message))
                .build();
    }

    /** Where in the file the error is: the server's position, a DO block's line, a COPY data line, or the statement. */
    static SourcePosition locate(SourceText source, Statement statement, ServerErrorMessage server) {
        if (statement == null) {
            return source.position(source.text().length());
        }
        if (server != null && server.getPosition() > 0) {
            return source.locate(statement, server.getPosition());
        }
        String where = server == null ? null : server.getWhere();
        if (where != null) {
            Matcher block = INLINE_BLOCK_LINE.matcher(where);
            if (block.find() && statement.text().regionMatches(true, 0, "DO", 0, 2)) {
                Matcher body = BODY_START.matcher(statement.text());
                if (body.find()) {
                    return lineStart(source, statement.offset() + body.end(), Integer.parseInt(block.group(1)));
                }
            }
            Matcher copy = COPY_LINE.matcher(where);
            if (copy.find() && statement.hasCopyData()) {
                int dataLine = source.position(statement.endOffset()).line() + Integer.parseInt(copy.group(1));
                return new SourcePosition(dataLine, 1);
            }
        }
        return new SourcePosition(statement.line(), statement.column());
    }

    /** The first non-blank character of the {@code n}th line (1-based) counted from {@code from}. */
    private static SourcePosition lineStart(SourceText source, int from, int n) {
        String t = source.text();
        int i = from;
        for (int line = 1; line < n && i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                line++;
            }
        }
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        return source.position(Math.min(i, t.length()));
    }

    static String firstLine(String statement) {
        String first = statement.lines().findFirst().orElse("").stripTrailing();
        boolean more = statement.indexOf('\n') >= 0 || statement.indexOf('\r') >= 0;
        if (first.codePointCount(0, first.length()) > FIRST_LINE_MAX) {
            first = first.substring(0, first.offsetByCodePoints(0, FIRST_LINE_MAX));
            more = true;
        }
        return more ? first + " ..." : first;
    }
}
