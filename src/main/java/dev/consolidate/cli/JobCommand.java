package dev.consolidate.cli;

import dev.consolidate.job.JobIdentity;
import dev.consolidate.job.JobRunner;
import dev.consolidate.job.JobStatus;
import dev.consolidate.job.JobStore;
import dev.consolidate.job.RunResult;
import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlanWriter;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.report.Reports;
import dev.consolidate.run.RunFolder;
import dev.consolidate.run.RunLock;
import dev.consolidate.scratch.ScratchSpec;
import dev.consolidate.settings.Mode;
import dev.consolidate.settings.Settings;
import dev.consolidate.steps.FaultHook;
import dev.consolidate.steps.ProtocolStep;
import dev.consolidate.steps.ProtocolSteps;
import dev.consolidate.steps.ReportStep;
import dev.consolidate.steps.RunInputs;
import dev.consolidate.steps.ScratchAccess;
import dev.consolidate.steps.StepName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/** --execute, --resume, --rollback and --status: the checkpointed job over the plan in a run folder. */
final class JobCommand implements ModeRunner {
    private final Function<Settings, ProductionOpener.Opened> production;
    private final FaultHook faultHook;
    private final Clock clock;

    JobCommand(Function<Settings, ProductionOpener.Opened> production, FaultHook faultHook, Clock clock) {
        this.production = production;
        this.faultHook = faultHook;
        this.clock = clock;
    }

    @Override
    public ExitCode run(Settings s, Console console) {
        RunFolder folder = locate(s);
        Plan plan = PlanWriter.read(folder);
        Path planned = Path.of(plan.project().root());
        if (!planned.equals(s.dir())) {
            throw Problem.usage("The run folder " + folder.root() + " belongs to another project (" + planned + ").")
                    .why("A run folder's plan, checkpoints and backup are for the project it was planned in; this run is for "
                            + s.dir() + ".")
                    .fix("Run with --dir " + planned + ", or plan this project with consolidate --plan.")
                    .state("Nothing was changed.")
                    .build();
        }
        StepName to = s.rollbackTo() == null ? null : stepName(s.rollbackTo());
        if (s.mode() == Mode.EXECUTE || s.mode() == Mode.ROLLBACK) {
            confirm(s, console, plan, folder);
        }
        RunInputs in = new RunInputs(plan, folder, planned, s, clock);
        try (ProductionOpener.Opened opened = production.apply(s)) {
            return run(in, opened.source(), console, to);
        }
    }

    private ExitCode run(RunInputs in, ProductionSource prod, Console console, StepName to) {
        Settings s = in.settings();
        RunFolder folder = in.runFolder();
        Plan plan = in.plan();
        Path planned = in.projectRoot();
        if (s.mode() == Mode.STATUS) {
            return status(in, prod, console, s.json());
        }
        try (RunLock lock = RunLock.acquire(folder, prod.access(), s.mode().flag(), clock);
             JobStore store = JobStore.open(folder.root());
             ScratchAccess scratch = new ScratchAccess(ScratchSpec.parse(s.scratch()), major(plan))) {
            JobRunner runner = runner(in, prod, scratch, store, console, s.json());
            RunResult result = switch (s.mode()) {
                case EXECUTE -> runner.execute();
                case RESUME -> runner.resume();
                case ROLLBACK -> runner.rollback(to);
                default -> throw new IllegalStateException(s.mode().toString());
            };
            scratch.notices().forEach(n -> console.error("note: " + n));
            if (result.problem() != null) {
                throw result.problem();
            }
            if (s.json()) {
                java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
                out.put("planId", plan.planId());
                out.put("exitCode", result.exitCode().code());
                out.put("summary", result.summary());
                out.put("runbooks", s.mode() == Mode.ROLLBACK ? null : planned.relativize(ReportStep.folder(in)).toString());
                out.put("status", runner.status());
                console.line(Reports.json(out).stripTrailing());
                return ExitCode.SUCCESS;
            }
            console.line(result.summary());
            if (s.mode() != Mode.ROLLBACK) {
                Path reports = ReportStep.folder(in);
                console.line("Runbooks: " + planned.relativize(reports) + "/ (PARITY.md, ROLLBACK.md); run folder: "
                        + (folder.root().startsWith(planned) ? planned.relativize(folder.root()) : folder.root()));
            }
            return ExitCode.SUCCESS;
        }
    }

    private JobRunner runner(RunInputs in, ProductionSource prod, ScratchAccess scratch, JobStore store, Console console,
                             boolean json) {
        List<ProtocolStep> steps = ProtocolSteps.create(in, prod, scratch);
        return new JobRunner(store, steps, new JobIdentity(in.plan().planId(), in.plan().fingerprint()), faultHook,
                new ConsoleJobProgress(console, json, clock), clock);
    }

    private ExitCode status(RunInputs in, ProductionSource prod, Console console, boolean json) {
        if (!Files.exists(in.runFolder().state())) {
            console.line("Plan " + in.plan().planId() + " has not been executed yet.");
            return ExitCode.SUCCESS;
        }
        try (JobStore store = JobStore.open(in.runFolder().root());
             ScratchAccess scratch = new ScratchAccess(ScratchSpec.parse(in.settings().scratch()), major(in.plan()))) {
            JobStatus st = runner(in, prod, scratch, store, console, true).status();
            if (json) {
                console.line(Reports.json(st).stripTrailing());
                return ExitCode.SUCCESS;
            }
            console.line(console.bold("Plan " + in.plan().planId()) + (st.attempt() == 0 ? ": not executed yet"
                    : ", attempt " + st.attempt()));
            for (JobStatus.StepState step : st.steps()) {
                String took = step.tookMillis() == null ? "" : String.format(" (%.1fs)", step.tookMillis() / 1000.0);
                console.line(String.format("  %-10s %-12s%s", step.step(), step.state(), took));
                if (!step.done().isEmpty()) {
                    console.line("             did:  " + step.done());
                }
                if (!step.undo().isEmpty() && !"NOT RUN".equals(step.state())) {
                    console.line("             undo: " + step.undo());
                }
            }
            return ExitCode.SUCCESS;
        }
    }

    /** --run-dir, else the newest plan of the project (.consolidate/CURRENT). */
    private static RunFolder locate(Settings s) {
        if (s.runDir() != null) {
            return new RunFolder(s.runDir());
        }
        Path current = s.dir().resolve(RunFolder.PARENT).resolve(PlanWriter.CURRENT);
        try {
            if (Files.isRegularFile(current)) {
                return RunFolder.defaultFor(s.dir(), Files.readString(current).strip());
            }
        } catch (IOException e) {
            // fall through to the problem below
        }
        throw Problem.usage("No plan found for " + s.dir() + ".")
                .why("--execute, --resume, --rollback and --status work on a plan that --plan wrote (" + current + " is missing).")
                .fix("Run consolidate --plan first, or give --run-dir with the plan's run folder.")
                .state("Nothing was changed.")
                .build();
    }

    private static void confirm(Settings s, Console console, Plan plan, RunFolder folder) {
        if (s.yes()) {
            return;
        }
        String what = s.mode() == Mode.EXECUTE
                ? "Execute plan " + plan.planId() + ": archive " + plan.migrations().size() + " files into "
                + plan.archive().folder() + "/ and write the baseline's history row in " + plan.production().address()
                : "Roll back plan " + plan.planId() + (s.rollbackTo() == null ? "" : " down to " + s.rollbackTo());
        if (!console.interactive()) {
            throw Problem.usage(what + " needs confirmation.")
                    .why("Output is not a terminal, so the tool cannot ask.")
                    .fix("Add --yes to confirm, after reading " + folder.planMarkdown() + ".")
                    .state("Nothing was changed.")
                    .build();
        }
        console.err().print(what + ".\nContinue? [y/N] ");
        console.err().flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
            throw Problem.usage("Not confirmed.").state("Nothing was changed.").build();
        }
    }

    private static StepName stepName(String id) {
        try {
            return StepName.fromId(id);
        } catch (IllegalArgumentException e) {
            throw Problem.usage("--to " + id + " is not a step.")
                    .why("The steps are preflight, backup, replay, baseline, parity, archive, history, report.")
                    .fix("Give one of them, e.g. --rollback --to archive.")
                    .state("Nothing was changed.")
                    .build();
        }
    }

    private static OptionalInt major(Plan plan) {
        try {
            return OptionalInt.of(Integer.parseInt(plan.production().serverVersion().split("\\.")[0]));
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
