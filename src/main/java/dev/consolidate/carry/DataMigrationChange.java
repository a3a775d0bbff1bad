package dev.consolidate.carry;

import dev.consolidate.history.HistoryChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The history change when the carried data is a migration of its own: the baseline's change plus
 * the row the tool writes for the data migration, both computed by the tool's adapter from the
 * same production history, so the table is created once and the same rows are retired once.
 */
public final class DataMigrationChange {
    private DataMigrationChange() {
    }

    public static HistoryChange merge(HistoryChange baseline, HistoryChange data, DataFile file) {
        List<String> retire = new ArrayList<>(new LinkedHashSet<>(concat(baseline.retire(), data.retire())));
        List<String> description = new ArrayList<>(baseline.description());
        if (!data.inserts().isEmpty()) {
            description.add("Insert the row of the data migration " + file.migration().version()
                    + (file.migration().name() == null || file.migration().version().equals(file.migration().name()) ? ""
                    : " " + file.migration().name()) + " the same way, so that production, which holds its rows already,"
                    + " never runs it.");
        }
        return new HistoryChange(baseline.tool(), baseline.table(), baseline.keyColumn(),
                baseline.create().isEmpty() ? data.create() : baseline.create(),
                baseline.uncreate().isEmpty() ? data.uncreate() : baseline.uncreate(),
                retire, concat(baseline.updates(), data.updates()), concat(baseline.inserts(), data.inserts()), description);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
