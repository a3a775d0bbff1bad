package dev.consolidate.replay;

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

    void collect(SQLWarning chain, int line) {
        for (SQLWarning w = chain; w != null; w = w.getNextWarning()) {
            if (kept.size() >= CAP) {
                dropped++;
                continue;
            }
            ServerErrorMessage m = w instanceof PSQLWarning pw ? pw.getServerErrorMessage() : null;
            if (m != null) {
                kept.add(new ServerNotice(m.getSeverity(), m.getSQLState(), m.getMessage(), line));
            } else {
                kept.add(new ServerNotice("WARNING", w.getSQLState(), w.getMessage(), line));
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
