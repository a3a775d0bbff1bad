package dev.consolidate.check;

import dev.consolidate.plan.CodeMigrations;
import dev.consolidate.replay.PreparedHistory;
import dev.consolidate.replay.PreparedMigration;
import dev.consolidate.sql.DataChange;
import dev.consolidate.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a catalog comparison cannot cover in a history: statements that change rows, and code
 * migrations lying in the migrations folder (the tool skipped them, so no replay ran them).
 */
final class Uncompared {
    private Uncompared() {
    }

    static List<DataStatement> dataStatements(HistoryInput history, PreparedHistory prepared) {
        List<DataStatement> out = new ArrayList<>();
        for (PreparedMigration m : prepared.migrations()) {
            for (Statement s : m.statements()) {
                DataChange.of(s).ifPresent(d -> out.add(new DataStatement(history.label(), m.migration().path(), s.line(),
                        d.label())));
            }
        }
        return out;
    }

    /** The history's code migrations; the history table is not read here (the gate reads no production rows). */
    static List<String> codeMigrations(HistoryInput history) {
        return CodeMigrations.find(history.project().projectRoot(), history.migrations(), null).stream()
                .map(c -> history.label() + ": " + c).toList();
    }
}
