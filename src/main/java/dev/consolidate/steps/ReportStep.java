package dev.consolidate.steps;

import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.fs.Sha256;
import dev.consolidate.plan.Plan;
import dev.consolidate.problem.Problem;
import dev.consolidate.report.Reports;
import dev.consolidate.report.RollbackReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 8. Publishes the auditor's documents into a folder of the project that can be committed
 * ({@value #FOLDER}/&lt;plan-id&gt;/): PARITY.md and parity.json from the parity step, ROLLBACK.md
 * and rollback.json for every completed step, and the plan. Undo deletes them (only files still
 * as written).
 */
public final class ReportStep implements ProtocolStep {
    /** The project folder holding every consolidation's runbooks; README names it. */
    public static final String FOLDER = "consolidation";

    private final RunInputs in;
    private final List<ProtocolStep> earlierSteps;

    public ReportStep(RunInputs in, List<ProtocolStep> earlierSteps) {
        this.in = in;
        this.earlierSteps = List.copyOf(earlierSteps);
    }

    @Override
    public StepName name() {
        return StepName.REPORT;
    }

    public static Path folder(RunInputs in) {
        return in.projectRoot().resolve(FOLDER).resolve(in.plan().planId());
    }

    @Override
    public Progress execute(StepContext ctx) throws Exception {
        ctx.journal().record("started", in.clock().instant().toString());
        Path out = folder(in);
        Files.createDirectories(out);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("PLAN.md", Files.readString(in.runFolder().planMarkdown()));
        files.put("PARITY.md", Files.readString(ParityStep.markdownFile(in)));
        files.put("parity.json", Files.readString(ParityStep.jsonFile(in)));
        RollbackReport rollback = rollback(ctx);
        files.put("ROLLBACK.md", rollback.markdown());
        files.put("rollback.json", Reports.json(rollback));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = out.resolve(f.getKey());
            ctx.journal().record("file." + f.getKey(), Sha256.hex(f.getValue()));
            AtomicFiles.writeString(p, f.getValue());
        }
        ctx.journal().record("folder", in.projectRoot().relativize(out).toString());
        return Progress.DONE;
    }

    private RollbackReport rollback(StepContext ctx) {
        Plan plan = in.plan();
        List<RollbackReport.Step> steps = new ArrayList<>();
        for (int i = earlierSteps.size() - 1; i >= 0; i--) {
            ProtocolStep s = earlierSteps.get(i);
            String done = s.describeDone(ctx);
            if (done.isEmpty()) {
                continue;
            }
            steps.add(new RollbackReport.Step(s.name().id(), done, s.describeUndo(ctx),
                    "consolidate --rollback --to " + s.name().id() + " --dir " + in.projectRoot(), s.manualUndo(ctx)));
        }
        Journal backup = ctx.journalOf(StepName.BACKUP);
        RollbackReport.Backup b = "none".equals(backup.get("mode").orElse(""))
                ? new RollbackReport.Backup("The tool made no backup (--backup none). Your own backup: "
                        + backup.get("reference").orElse("?") + ".", "# restore it as its own tool says")
                : new RollbackReport.Backup("The verified backup (" + backup.get("mode").orElse("?") + ") is "
                        + backup.get("archive").orElse("?") + ", described by " + backup.get("manifest").orElse("?") + ".",
                        "createdb restored_copy   # or any empty database\nconsolidate --restore "
                                + in.projectRoot().resolve(backup.get("manifest").orElse("backup")) + " --db-url postgresql://USER@HOST:5432/restored_copy");
        return new RollbackReport(plan.planId(), plan.project().root(), plan.production().address(), plan.baseline().path(),
                in.runFolder().root().toString(), b, steps);
    }

    @Override
    public void compensate(StepContext ctx) throws IOException {
        Journal forward = ctx.journalOf(name());
        Path out = folder(in);
        for (Map.Entry<String, String> e : forward.entries().entrySet()) {
            if (!e.getKey().startsWith("file.")) {
                continue;
            }
            Path p = out.resolve(e.getKey().substring("file.".length()));
            if (Files.exists(p)) {
                if (!Sha256.ofFile(p).equals(e.getValue())) {
                    throw Problem.manual("The report " + in.projectRoot().relativize(p) + " was edited after it was written.")
                            .why("Undo deletes only the reports as this run wrote them.")
                            .fix("Keep your edits elsewhere, delete the file, then run --rollback again.")
                            .state("The other reports were handled; nothing else was undone yet.")
                            .build();
                }
                Files.delete(p);
            }
        }
        deleteIfEmpty(out);
        deleteIfEmpty(out.getParent());
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }

    @Override
    public String describeDone(StepContext ctx) {
        return ctx.journalOf(name()).get("folder").map(f -> "Wrote PLAN.md, PARITY.md, parity.json, ROLLBACK.md and rollback.json "
                + "into " + f + "/.").orElse("");
    }

    @Override
    public String describeUndo(StepContext ctx) {
        return "Deletes those reports (only if unedited) and the folder if it is left empty.";
    }

    @Override
    public List<String> manualUndo(StepContext ctx) {
        return ctx.journalOf(name()).get("folder").map(f -> List.of("rm -r '" + f + "'")).orElse(List.of());
    }
}
