package dev.consolidate.cli;

import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlanWriter;
import dev.consolidate.plan.Planner;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.plan.ScratchRehearsal;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.run.RunFolder;
import dev.consolidate.settings.Settings;
import java.nio.file.Path;
import java.util.function.Function;

/** --plan: analyse, rehearse the replay in scratch, write plan.json and PLAN.md, print a summary. */
final class PlanRunner implements ModeRunner {
    private final Planner planner;
    private final Function<Settings, ProductionOpener.Opened> production;
    private final ScratchRehearsal rehearsal;

    PlanRunner(Planner planner, Function<Settings, ProductionOpener.Opened> production, ScratchRehearsal rehearsal) {
        this.planner = planner;
        this.production = production;
        this.rehearsal = rehearsal;
    }

    @Override
    public ExitCode run(Settings s, Console console) {
        try (ProductionOpener.Opened opened = production.apply(s)) {
            return plan(s, console, opened.source());
        }
    }

    private ExitCode plan(Settings s, Console console, ProductionSource prod) {
        Planner.Analysis analysis = planner.analyse(s, prod);
        ScratchRehearsal.Outcome scratch = s.noReplay() ? ScratchRehearsal.skipped(s.scratch())
                : rehearsal.rehearse(analysis, prod, new ConsoleReplayListener(console, s.json()));
        Plan plan = planner.toPlan(analysis, prod, scratch.info(), scratch.extensions(), scratch.drift(), scratch.notes());
        RunFolder folder = s.runDir() != null ? new RunFolder(s.runDir()) : RunFolder.defaultFor(s.dir(), plan.planId());
        refuseForeignRunFolder(folder, plan);
        PlanWriter.write(plan, folder, s.dir());
        if (s.json()) {
            console.line(PlanWriter.json(plan).stripTrailing());
        } else {
            new PlanSummary(console).print(plan, folder, s.dir(), s.jobFile());
        }
        return ExitCode.SUCCESS;
    }

    /** A run folder given with --run-dir that holds another project's plan is not overwritten. */
    private static void refuseForeignRunFolder(RunFolder folder, Plan plan) {
        if (!folder.hasPlan()) {
            return;
        }
        Plan existing = PlanWriter.read(folder);
        if (!existing.project().root().equals(plan.project().root())) {
            throw Problem.usage("The run folder " + folder.root() + " belongs to another project (" + existing.project().root() + ").")
                    .why("A run folder holds one project's plan, checkpoints and backup; mixing projects would lose them.")
                    .fix("Choose another --run-dir, or leave it out to use " + Path.of(plan.project().root(), RunFolder.PARENT) + ".")
                    .state("Nothing was changed.")
                    .build();
        }
    }
}
