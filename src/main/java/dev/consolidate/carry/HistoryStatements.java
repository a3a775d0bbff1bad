package dev.consolidate.carry;

import dev.consolidate.history.Migration;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.replay.MigrationPreparer;
import dev.consolidate.replay.PreparedMigration;
import dev.consolidate.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every statement of a history in the order the tool runs them, cut as the replay cuts them. */
public final class HistoryStatements {
    private final MigrationPreparer preparer;

    public HistoryStatements(MigrationPreparer preparer) {
        this.preparer = preparer;
    }

    public List<HistoryStatement> of(MigrationSet set) {
        List<HistoryStatement> out = new ArrayList<>();
        for (Migration m : set.migrations()) {
            PreparedMigration p = preparer.prepare(m);
            for (Statement s : p.statements()) {
                out.add(new HistoryStatement(m.path(), s));
            }
        }
        return out;
    }
}
