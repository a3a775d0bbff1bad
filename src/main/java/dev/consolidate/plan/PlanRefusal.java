package dev.consolidate.plan;

import dev.consolidate.history.Classification;
import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.MigrationState;
import dev.consolidate.history.MigrationStatus;
import dev.consolidate.history.Tool;
import dev.consolidate.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A consolidation squashes exactly what production ran. Anything pending, missing, changed or
 * failed means the folder and production disagree: refused, naming each and what to do.
 */
final class PlanRefusal {
    private PlanRefusal() {
    }

    static void refuseUnlessConsistent(Tool tool, Classification c) {
        List<String> lines = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        section(c, MigrationState.PENDING, "pending (a file production never ran)", lines);
        section(c, MigrationState.MISSING_LOCALLY, "missing locally (production ran it, the folder lacks the file)", lines);
        section(c, MigrationState.CHANGED, "changed (the file differs from what production ran)", lines);
        section(c, MigrationState.FAILED, "failed (production records an unfinished or failed run)", lines);
        if (lines.isEmpty()) {
            return;
        }
        if (c.count(MigrationState.PENDING) > 0) {
            fixes.add("apply pending migrations first (" + applyCommand(tool) + "), or move them out of the folder if they "
                    + "are not meant for production yet");
        }
        if (c.count(MigrationState.MISSING_LOCALLY) > 0) {
            fixes.add("restore missing files from version control (git log --diff-filter=D -- <folder>)");
        }
        if (c.count(MigrationState.CHANGED) > 0) {
            fixes.add("restore changed files as they were applied (git), or record the change with " + repairCommand(tool));
        }
        if (c.count(MigrationState.FAILED) > 0) {
            fixes.add("resolve failed runs with " + repairCommand(tool));
        }
        throw Problem.precondition("The migrations folder and production's history disagree:\n" + String.join("\n", lines))
                .why("a consolidation squashes exactly what production has run; with these differences the baseline "
                        + "would either lose or re-run migrations.")
                .fix(String.join("; ", fixes) + "; then run consolidate --plan again.")
                .state("Nothing was changed: no plan was written and no database was written to.")
                .build();
    }

    static void refuseAbsentHistory(Tool tool, HistorySnapshot h, String address) {
        throw Problem.precondition("Production (" + address + ") has no " + tool + " history table " + h.table() + ".")
                .why(h.schemaPresent()
                        ? "the table is missing: either " + tool + " never ran against this database, or it keeps its "
                        + "history elsewhere."
                        : "neither the table nor its schema exists: " + tool + " never ran against this database, or --db-url "
                        + "points at another database.")
                .fix("Check --db-url (or DATABASE_URL) names the production database the migrations ran on. The plan never "
                        + "creates the table; if the history was applied by hand, use --tool sql to treat the folder as "
                        + "applied.")
                .state("Nothing was changed.")
                .build();
    }

    private static void section(Classification c, MigrationState state, String title, List<String> out) {
        List<MigrationStatus> entries = c.in(state);
        if (entries.isEmpty()) {
            return;
        }
        out.add("  " + entries.size() + " " + title + ":");
        for (MigrationStatus e : entries) {
            out.add("    " + e.label() + ": " + e.detail());
        }
    }

    private static String applyCommand(Tool tool) {
        return switch (tool) {
            case SUPABASE -> "supabase db push";
            case PRISMA -> "prisma migrate deploy";
            case FLYWAY -> "flyway migrate";
            case DBMATE -> "dbmate up";
            case GOLANG_MIGRATE -> "migrate up";
            case SQL -> "your own runner";
        };
    }

    private static String repairCommand(Tool tool) {
        return switch (tool) {
            case SUPABASE -> "supabase migration repair";
            case PRISMA -> "prisma migrate resolve";
            case FLYWAY -> "flyway repair";
            case DBMATE -> "dbmate (delete or fix the schema_migrations row)";
            case GOLANG_MIGRATE -> "migrate force <version>";
            case SQL -> "your own runner";
        };
    }
}
