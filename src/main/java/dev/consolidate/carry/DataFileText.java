package dev.consolidate.carry;

import java.util.List;

/**
 * The data file's content: a header saying what it is, that the tool does not run it and that it
 * must never run in production (or, as a migration, how production is kept from running it), which statements were reported instead (by location and reason
 * only), then each carried statement as written in the history, in history order, under a
 * comment naming where it came from.
 */
public final class DataFileText {
    private DataFileText() {
    }

    public static String of(DataFile file, String planId, String baselinePath, List<HistoryStatement> carried,
                            List<ReportedStatement> reported) {
        StringBuilder sb = new StringBuilder();
        sb.append("-- Data carried from the migration history by consolidate (plan ").append(planId).append("),\n");
        sb.append("-- for databases built from ").append(baselinePath).append(".\n");
        sb.append("--\n");
        if (file.isMigration()) {
            sb.append("-- A migration of its own, right after the baseline, ").append(file.notRunBy()).append(".\n");
            sb.append("-- New databases run it after the baseline; production never does. Review it before committing it.\n");
        } else {
            sb.append("-- Not a migration: ").append(file.notRunBy()).append(".\n");
            sb.append("-- Production already holds these rows, or what became of them: never run this file there.\n");
            sb.append("-- Review it, then run it after the baseline where a new database needs the rows, or make it a\n");
            sb.append("-- migration of your own.\n");
        }
        sb.append("--\n");
        sb.append("-- ").append(carried.size()).append(carried.size() == 1 ? " statement" : " statements")
                .append(" carried, in history order.\n");
        if (!reported.isEmpty()) {
            sb.append("-- ").append(reported.size()).append(reported.size() == 1 ? " statement" : " statements")
                    .append(" reported and not carried (their effect cannot be reproduced here):\n");
            for (ReportedStatement r : reported) {
                sb.append("--   ").append(r.label()).append(": ").append(r.reason()).append(".\n");
            }
        }
        for (HistoryStatement h : carried) {
            sb.append("\n-- ").append(h.location()).append('\n');
            sb.append(h.statement().text()).append(";\n");
        }
        return sb.toString();
    }
}
