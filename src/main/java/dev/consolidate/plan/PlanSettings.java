package dev.consolidate.plan;

import dev.consolidate.settings.Settings;
import java.nio.file.Path;

/**
 * An execution runs the plan's decisions, not whatever the later command line says: project,
 * tool, folders, environment, source, baseline name and ownership come from plan.json; the rest
 * (backup, --yes, output) from the invocation.
 */
public final class PlanSettings {
    private PlanSettings() {
    }

    public static Settings forExecution(Plan plan, Settings invocation) {
        Plan.Project p = plan.project();
        Path root = Path.of(p.root());
        Path bootstrap = p.bootstrap() == null ? null : root.resolve(p.bootstrap()).normalize();
        return new Settings(
                invocation.mode(),
                root,
                p.tool(),
                Path.of(p.folder()),
                invocation.dbUrl(),
                invocation.productionStandIn(),
                invocation.productionSeed(),
                invocation.runDir(),
                invocation.scratch(),
                p.profile(),
                bootstrap,
                p.sessionSettings(),
                invocation.json(),
                invocation.verbose(),
                invocation.color(),
                invocation.yes(),
                plan.source(),
                invocation.backup(),
                invocation.backupRef(),
                invocation.pgDump(),
                invocation.rollbackTo(),
                p.noOwner(),
                p.targetTool().equals(p.tool()) ? null : p.targetTool(),
                invocation.against(),
                invocation.againstTool(),
                invocation.emitVerifySql(),
                p.baselineName(),
                invocation.restoreBackup(),
                invocation.noReplay(),
                invocation.copyFrom(),
                invocation.jobFile(),
                p.dataAsMigration());
    }
}
