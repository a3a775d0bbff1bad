package dev.consolidate.replay;

import dev.consolidate.sql.SourceText;
import dev.consolidate.sql.Statement;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/** The server's NOTICE / WARNING messages of one file, capped so a noisy file cannot fill memory. */
final class NoticeCollector {
    static final int CAP = 200;

    private final List<ServerNotice> kept = new ArrayList<>();
    private int dropped;

    /** {@code statement} in {@code source} caused the chain; a notice raised in a DO block gets the block's line. */
    void collect(SQLWarning chain, SourceText source, Statement statement) {
        for (SQLWarning w = chain; w != null; w = w.getNextWarning()) {
            if (kept.size() >= CAP) {
                dropped++;
                continue;
            }
            ServerErrorMessage m = w instanceof PSQLWarning pw ? pw.getServerErrorMessage() : null;
            if (m != null) {
                int line = ReplayFailure.locate(source, statement, m).line();
                kept.add(new ServerNotice(m.getSeverity(), m.getSQLState(), m.getMessage(), line));
            } else {
                kept.add(new ServerNotice("WARNING", w.getSQLState(), w.getMessage(), statement.line()));
            }
        }
    }

    void note(String message, int line) {
        kept.add(new ServerNotice("NOTE", null, message, line));
    }

    List<ServerNotice> notices() {
        return List.copyOf(kept);
    }

    int dropped() {
        return dropped;
    }
}
