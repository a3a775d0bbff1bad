package dev.consolidate.steps;

import dev.consolidate.carry.DataProof;
import dev.consolidate.carry.HistoryStatements;
import dev.consolidate.catalog.parity.BaselineApplier;
import dev.consolidate.catalog.parity.EnvironmentCapture;
import dev.consolidate.catalog.parity.ParityCheck;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.drift.DriftCheck;
import dev.consolidate.drift.ReplayedCatalog;
import dev.consolidate.history.HistoryWriter;
import dev.consolidate.history.Tool;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlanSettings;
import dev.consolidate.plan.Planner;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.replay.EnvironmentSetup;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.replay.MigrationPreparer;
import dev.consolidate.replay.Replayer;
import dev.consolidate.sql.SqlSplitter;
import java.util.ArrayList;
import java.util.List;

/** Builds the protocol's eight steps, in order, each with the collaborators it needs. */
public final class ProtocolSteps {
    private ProtocolSteps() {
    }

    public static List<ProtocolStep> create(RunInputs in, ProductionSource production, ScratchAccess scratch) {
        Plan plan = in.plan();
        SqlSplitter splitter = new SqlSplitter();
        ToolRegistry tools = ToolRegistry.standard();
        CatalogReader reader = new CatalogReader();
        EnvironmentSetup setup = new EnvironmentSetup(splitter, in.clock());
        Replayer replayer = new Replayer(splitter, in.clock());
        DriftCheck drift = new DriftCheck(reader);
        EnvironmentSpec environment = environment(in);

        List<ProtocolStep> steps = new ArrayList<>();
        steps.add(new PreflightStep(in, new Planner(tools, splitter, in.clock()), production));
        EnvironmentCapture capture = new EnvironmentCapture(setup, reader);
        steps.add(new BackupStep(in, tools, production, scratch, capture, reader));
        HistoryStatements statements = new HistoryStatements(new MigrationPreparer(splitter));
        CarriedRows carried = new CarriedRows(new DataProof(setup, new BaselineApplier(splitter), splitter), statements);
        steps.add(new ReplayStep(in, tools, replayer, new ReplayedCatalog(replayer, capture, reader),
                scratch, environment, historyTables(plan), carried));
        steps.add(new BaselineStep(in, tools, production, drift, statements));
        steps.add(new ParityStep(in, scratch, new ParityCheck(setup, new BaselineApplier(splitter), reader), drift, production,
                environment, carried));
        steps.add(new ArchiveStep(in));
        steps.add(new HistoryStep(in, tools, production, new HistoryWriter()));
        steps.add(new ReportStep(in, List.copyOf(steps)));
        return steps;
    }

    /** The environment the plan's history runs on (profile, bootstrap, session settings). */
    public static EnvironmentSpec environment(RunInputs in) {
        var s = PlanSettings.forExecution(in.plan(), in.settings());
        return EnvironmentSpec.of(s.profile(), Tool.fromCliName(in.plan().project().tool()), s.bootstrap(), s.dir(),
                s.sessionSettings());
    }

    /** The migration tools' own tables ("schema.table"): never part of a compared catalog. */
    static List<String> historyTables(Plan plan) {
        List<String> out = new ArrayList<>();
        if (plan.production().historyTable() != null) {
            out.add(plan.production().historyTable());
        }
        if (plan.historyChange() != null && !out.contains(plan.historyChange().table())) {
            out.add(plan.historyChange().table());
        }
        return out;
    }
}
