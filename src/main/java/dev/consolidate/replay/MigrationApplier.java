package dev.consolidate.replay;

import dev.consolidate.sql.Statement;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Runs one prepared file over an open session, one statement at a time so that an error belongs to
 * one statement, streaming inline COPY data through the COPY protocol.
 */
final class MigrationApplier {
    private final Clock clock;

    MigrationApplier(Clock clock) {
        this.clock = clock;
    }

    FileResult apply(Connection c, PreparedMigration file) throws StatementFailure {
        Instant start = clock.instant();
        NoticeCollector notices = new NoticeCollector();
        if (file.mode() != FileMode.SKIPPED) {
            run(c, file, notices);
        }
        return new FileResult(file.migration().path(), file.migration().version(), file.statements().size(), file.mode(),
                Duration.between(start, clock.instant()), notices.notices(), notices.dropped());
    }

    private static void run(Connection c, PreparedMigration file, NoticeCollector notices) throws StatementFailure {
        boolean wrapped = file.mode() == FileMode.TRANSACTION;
        try {
            c.setAutoCommit(!wrapped);
        } catch (SQLException e) {
            throw new StatementFailure(file, null, e, notices.notices());
        }
        for (Statement s : file.statements()) {
            try {
                execute(c, file, s, notices);
            } catch (SQLException e) {
                abandon(c);
                throw new StatementFailure(file, s, e, notices.notices());
            }
        }
        try {
            if (wrapped) {
                c.commit();
            } else if (transactionLeftOpen(c)) {
                // The next file would otherwise run inside this file's transaction.
                try (java.sql.Statement commit = c.createStatement()) {
                    commit.execute("COMMIT");
                }
                notices.note("the file left its own transaction open; the replay committed it at the end of the file",
                        lastLine(file));
            }
        } catch (SQLException e) {
            abandon(c);
            throw new StatementFailure(file, null, e, notices.notices());
        }
    }

    private static void execute(Connection c, PreparedMigration file, Statement s, NoticeCollector notices) throws SQLException {
        if (s.hasCopyData()) {
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(s.text(), new StringReader(s.copyData()));
            } catch (IOException e) {
                throw new PSQLException("reading inline COPY data failed: " + e.getMessage(), PSQLState.DATA_ERROR, e);
            }
        } else {
            try (java.sql.Statement jdbc = c.createStatement()) {
                jdbc.setEscapeProcessing(false);
                jdbc.execute(s.text());
                notices.collect(jdbc.getWarnings(), file.source(), s);
            }
        }
        notices.collect(c.getWarnings(), file.source(), s);
        c.clearWarnings();
    }

    private static boolean transactionLeftOpen(Connection c) throws SQLException {
        return c.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
    }

    /** Leaves the session usable for the caller's cleanup; the file's work is lost either way. */
    private static void abandon(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            } else if (transactionLeftOpen(c)) {
                try (java.sql.Statement rollback = c.createStatement()) {
                    rollback.execute("ROLLBACK");
                }
            }
        } catch (SQLException ignored) {
            // The session is discarded after a failure; nothing depends on this rollback.
        }
    }

    private static int lastLine(PreparedMigration file) {
        return file.source().position(file.source().text().length()).line();
    }
}
