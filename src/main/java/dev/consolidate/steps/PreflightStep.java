package dev.consolidate.steps;

import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.HistoryTable;
import dev.consolidate.history.ToolAdapter;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlanSettings;
import dev.consolidate.plan.Planner;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.plan.StalePlan;
import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 1. Runs at the start of every execute and resume (the run lock itself is taken around the
 * whole run): the first time, re-computes the plan's fingerprint from the files and production's
 * history rows and refuses a stale plan; on a resume, re-checks what the steps still to come rely
 * on (files not yet archived, history rows not yet rewritten).
 */
public final class PreflightStep implements ProtocolStep {
    private final RunInputs in;
    private final Planner planner;
    private final ToolRegistry tools;
    private final ProductionSource production;

    public PreflightStep(RunInputs in, Planner planner, ToolRegistry tools, ProductionSource production) {
        this.in = in;
        this.planner = planner;
        this.tools = tools;
        this.production = production;
    }

    @Override
    public StepName name() {
        return StepName.PREFLIGHT;
    }

    @Override
    public Progress execute(StepContext ctx) throws Exception {
        Plan plan = in.plan();
        refuseForeignProject(plan);
        boolean resumed = ctx.journalOf(StepName.BACKUP).get("started").isPresent()
                || ctx.journalOf(StepName.REPLAY).get("started").isPresent();
        if (!resumed) {
            Planner.Analysis now;
            try {
                now = planner.analyse(PlanSettings.forExecution(plan, in.settings()), production);
            } catch (Problem p) {
                throw StalePlan.problem(plan, List.of(p.what().replace("\n", "\n  ")), "Nothing was changed.");
            }
            if (!now.fingerprint().equals(plan.fingerprint())) {
                throw StalePlan.problem(plan, StalePlan.differences(plan, now.migrations().migrations(), now.sourceHistory()),
                        "Nothing was changed.");
            }
        } else {
            List<String> changed = new ArrayList<>();
            if (ctx.journalOf(StepName.ARCHIVE).entries().isEmpty()) {
                changed.addAll(changedFiles(plan));
            }
            if (ctx.journalOf(StepName.HISTORY).get("committed").isEmpty()) {
                changed.addAll(changedRows(plan));
            }
            if (!changed.isEmpty()) {
                throw StalePlan.problem(plan, changed, "Steps completed so far are kept; nothing more was changed. "
                        + "Undo them with --rollback, then plan again.");
            }
        }
        ctx.journal().record("checkedAt", in.clock().instant().toString());
        ctx.journal().record("fingerprint", plan.fingerprint());
        ctx.journal().record("mode", resumed ? "resume: remaining inputs re-checked" : "fingerprint re-computed");
        return Progress.DONE;
    }

    private void refuseForeignProject(Plan plan) {
        Path planned = Path.of(plan.project().root()).toAbsolutePath().normalize();
        if (!planned.equals(in.settings().dir().toAbsolutePath().normalize())) {
            throw Problem.usage("The run folder " + in.runFolder().root() + " belongs to another project (" + planned + ").")
                    .why("A run folder's plan, checkpoints and backup are for the project it was planned in.")
                    .fix("Run from " + planned + " (or --dir " + planned + "), or plan this project with consolidate --plan.")
                    .state("Nothing was changed.")
                    .build();
        }
    }

    private List<String> changedFiles(Plan plan) {
        List<String> out = new ArrayList<>();
        Path root = Path.of(plan.project().root());
        for (Plan.FileEntry f : plan.migrations()) {
            Path p = root.resolve(f.path());
            if (!Files.isRegularFile(p)) {
                out.add("removed: " + f.path());
            } else if (!Sha256.ofFile(p).equals(f.sha256())) {
                out.add("edited: " + f.path());
            }
        }
        return out;
    }

    private List<String> changedRows(Plan plan) throws SQLException {
        ToolAdapter source = tools.adapter(plan.project().tool());
        if (source.defaultHistoryTable().isEmpty()) {
            return List.of();
        }
        HistoryTable table = source.defaultHistoryTable().get();
        try (Connection c = production.access().openReadOnly()) {
            HistorySnapshot h = source.readHistory(c, table);
            return StalePlan.rowDifferences(plan, h);
        }
    }

    @Override
    public void compensate(StepContext ctx) {
        // It only checked; the run lock is released when each run ends.
    }

    @Override
    public String describeDone(StepContext ctx) {
        return ctx.journalOf(name()).get("checkedAt").map(t -> "Checked the plan against the project and production at " + t
                + " (" + ctx.journalOf(name()).get("mode").orElse("") + ").").orElse("");
    }

    @Override
    public String describeUndo(StepContext ctx) {
        return "Nothing to undo: it only checked. The run lock (state/lock and an advisory lock in production) is released "
                + "when each run ends.";
    }
}
