package dev.consolidate.plan;

import dev.consolidate.carry.DataFile;
import dev.consolidate.history.Tool;

/** The data file a plan's baseline step writes when the plan carries data statements. */
public final class PlannedDataFile {
    private PlannedDataFile() {
    }

    public static DataFile of(Plan plan) {
        return DataFile.of(Tool.fromCliName(plan.project().targetTool()), plan.project().targetFolder(), plan.baseline(),
                plan.project().dataAsMigration());
    }

    /** Whether any data statement is carried (else no data file is written). */
    public static boolean carries(Plan plan) {
        return plan.dataStatements().stream().anyMatch(Plan.DataStatement::carried);
    }
}
