package dev.consolidate.plan;

import dev.consolidate.fs.Sha256;
import dev.consolidate.history.HistoryRow;
import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.Migration;
import dev.consolidate.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Says what changed since a plan was made, file by file and row by row. */
public final class StalePlan {
    private StalePlan() {
    }

    /** Differences between the plan and a fresh analysis; empty when only settings differ. */
    public static List<String> differences(Plan plan, List<Migration> files, HistorySnapshot history) {
        List<String> out = new ArrayList<>();
        Map<String, String> planned = new TreeMap<>();
        plan.migrations().forEach(f -> planned.put(f.path(), f.sha256()));
        Map<String, String> now = new TreeMap<>();
        files.forEach(m -> now.put(m.path(), m.sha256()));
        planned.forEach((path, sha) -> {
            if (!now.containsKey(path)) {
                out.add("removed: " + path);
            } else if (!now.get(path).equals(sha)) {
                out.add("edited: " + path);
            }
        });
        now.keySet().stream().filter(p -> !planned.containsKey(p)).forEach(p -> out.add("added: " + p));
        if (history != null) {
            out.addAll(rowDifferences(plan, history));
        }
        return out;
    }

    /** History rows that differ from the plan's (by their hash). */
    public static List<String> rowDifferences(Plan plan, HistorySnapshot history) {
        List<String> out = new ArrayList<>();
        Set<String> planned = plan.historyRows().stream().map(Plan.RowEntry::sha256).collect(Collectors.toCollection(TreeSet::new));
        Set<String> seen = new TreeSet<>();
        for (HistoryRow r : history.rows()) {
            String sha = Sha256.hex(r.json());
            seen.add(sha);
            if (!planned.contains(sha)) {
                out.add("history row added or changed: " + r.label());
            }
        }
        plan.historyRows().stream().filter(r -> !seen.contains(r.sha256()))
                .forEach(r -> out.add("history row removed or changed: " + r.key() + (r.name() == null ? "" : " " + r.name())));
        return out;
    }

    public static Problem problem(Plan plan, List<String> differences, String state) {
        return Problem.precondition("The plan " + plan.planId() + " is stale: the project or production changed since it was made:\n  "
                        + (differences.isEmpty() ? "the settings the plan depends on (profile, bootstrap, session settings)"
                        : String.join("\n  ", differences)))
                .why("--execute carries out exactly what the plan decided; a change since means the plan's decisions "
                        + "(files to archive, rows to retire) may be wrong.")
                .fix("Run consolidate --plan again, read the new PLAN.md, then --execute.")
                .state(state)
                .build();
    }
}
