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
            description.add(describeInsert(file));
        }
        return new HistoryChange(baseline.tool(), baseline.table(), baseline.keyColumn(),
                baseline.create().isEmpty() ? data.create() : baseline.create(),
                baseline.uncreate().isEmpty() ? data.uncreate() : baseline.uncreate(),
                retire, concat(baseline.updates(), data.updates()), concat(baseline.inserts(), data.inserts()), description);
    }

    /** The data migration's row as the plan and the history change name it: version, then name where it differs. */
    public static String rowLabel(DataFile file) {
        String version = file.migration().version();
        String name = file.migration().name();
        return version + (name == null || version.equals(name) ? "" : " " + name);
    }

    /** What the history change does with the data migration's row, as the plan and the change both say it. */
    public static String describeInsert(DataFile file) {
        return "Insert the row of the data migration " + rowLabel(file) + " the same way, so that production, which holds"
                + " its rows already, never runs it.";
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
