package dev.consolidate.steps;

import dev.consolidate.archive.ArchiveFolderCheck;
import dev.consolidate.archive.ArchiveLayout;
import dev.consolidate.history.Tool;
import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlanSettings;
import dev.consolidate.plan.Planner;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.plan.StalePlan;
import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 1. Runs at the start of every execute and resume (the run lock itself is taken around the
 * whole run): the first time, re-computes the plan's fingerprint from the files and production's
 * history rows and refuses a stale plan; on a resume, re-checks what the steps still to come rely
 * on (files not yet archived; the history step re-checks the rows itself).
 */
public final class PreflightStep implements ProtocolStep {
    private final RunInputs in;
    private final Planner planner;
    private final ProductionSource production;

    public PreflightStep(RunInputs in, Planner planner, ProductionSource production) {
        this.in = in;
        this.planner = planner;
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
            refuseOccupiedArchiveFolder(plan, "Nothing was changed.");
        } else {
            // The history rows are re-checked by the history step itself, inside the transaction that
            // writes them (a resume may find them already written by the run it continues).
            List<String> changed = new ArrayList<>();
            if (ctx.journalOf(StepName.ARCHIVE).entries().isEmpty()) {
                changed.addAll(changedFiles(plan));
            }
            if (!changed.isEmpty()) {
                throw StalePlan.problem(plan, changed, "Steps completed so far are kept; nothing more was changed. "
                        + "Undo them with --rollback, then plan again.");
            }
            if (ctx.journalOf(StepName.ARCHIVE).entries().isEmpty()) {
                refuseOccupiedArchiveFolder(plan, "Steps completed so far are kept; nothing more was changed.");
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

    /**
     * The archive step refuses a folder holding files this plan did not put there; checked here as
     * well, so that the run stops before the backup, the replay and the baseline, not after them.
     */
    private void refuseOccupiedArchiveFolder(Plan plan, String state) {
        ArchiveLayout layout = new ArchiveLayout(in.projectRoot(), Tool.fromCliName(plan.project().tool()),
                plan.project().folder(), plan.archive().folder());
        try {
            ArchiveFolderCheck.inspect(layout, plan.planId());
        } catch (Problem p) {
            throw p.withState(state);
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

    @Override
    public void compensate(StepContext ctx) {
        // It only checked; the run lock is released when each run ends.
    }

    @Override
    public String describeDone(StepContext ctx) {
        // The mode (first check or re-check on resume) stays in the journal: what this says goes into
        // ROLLBACK.md, which must not depend on how often the run was resumed.
        return ctx.journalOf(name()).get("checkedAt").map(t -> "Checked the plan against the project and production at " + t
                + ".").orElse("");
    }

    @Override
    public String describeUndo(StepContext ctx) {
        return "Nothing to undo: it only checked. The run lock (state/lock and an advisory lock in production) is released "
                + "when each run ends.";
    }
}
