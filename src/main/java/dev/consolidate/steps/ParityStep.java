package dev.consolidate.steps;

import dev.consolidate.carry.DataFile;
import dev.consolidate.carry.DataProof;
import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.diff.KindCount;
import dev.consolidate.catalog.diff.SnapshotDiff;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.parity.ParityCheck;
import dev.consolidate.catalog.parity.ParityResult;
import dev.consolidate.catalog.scope.Scope;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.drift.CatalogArtifacts;
import dev.consolidate.drift.DriftCheck;
import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlannedDataFile;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.report.ParityReport;
import dev.consolidate.report.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 5. Applies the baseline alone to a fresh scratch database built on the same environment
 * and compares catalogs object by object with the baseline's source: they must be identical.
 * Compares production with the history too. Writes PARITY.md and parity.json into the run folder
 * (the report step publishes them); a failure stops the job with exit 4 before anything is
 * archived or written to production.
 */
public final class ParityStep implements ProtocolStep {
    static final String REPORT_MD = "parity/PARITY.md";
    static final String REPORT_JSON = "parity/parity.json";

    private final RunInputs in;
    private final ScratchAccess scratch;
    private final ParityCheck parity;
    private final DriftCheck drift;
    private final ProductionSource production;
    private final EnvironmentSpec environment;
    private final CarriedRows carried;

    public ParityStep(RunInputs in, ScratchAccess scratch, ParityCheck parity, DriftCheck drift, ProductionSource production,
                      EnvironmentSpec environment, CarriedRows carried) {
        this.carried = carried;
        this.in = in;
        this.scratch = scratch;
        this.parity = parity;
        this.drift = drift;
        this.production = production;
        this.environment = environment;
    }

    @Override
    public StepName name() {
        return StepName.PARITY;
    }

    public static Path markdownFile(RunInputs in) {
        return in.runFolder().artifacts().resolve(REPORT_MD);
    }

    public static Path jsonFile(RunInputs in) {
        return in.runFolder().artifacts().resolve(REPORT_JSON);
    }

    @Override
    public Progress execute(StepContext ctx) throws Exception {
        ctx.journal().record("started", in.clock().instant().toString());
        Plan plan = in.plan();
        Scope scope = CatalogArtifacts.readScope(ReplayStep.scopeFile(in));
        ScopedSnapshot source = scope.apply(CatalogArtifacts.readSnapshot(BaselineStep.sourceFile(in)));
        ScopedSnapshot history = scope.apply(CatalogArtifacts.readSnapshot(ReplayStep.catalogFile(in)));
        Journal baseline = ctx.journalOf(StepName.BASELINE);
        Path baselineFile = in.projectRoot().resolve(baseline.get("path").orElseThrow());
        String baselineSql = Files.readString(baselineFile);
        ComparisonRules rules = plan.project().noOwner() ? ComparisonRules.standard().withoutOwners() : ComparisonRules.standard();

        ctx.progress("rebuilding from the baseline alone");
        ParityResult result = parity.check(scratch.server(), environment, source, plan.baseline().path(), baselineSql, rules);
        ctx.progress("comparing production with the history");
        ScopedSnapshot prod = drift.readProduction(production.access(), scope);
        SnapshotDiff driftDiff = drift.compare(history, prod, rules, scratch.server());
        boolean fromProduction = "production".equals(plan.source());
        boolean blocking = !driftDiff.isEmpty() && !fromProduction;
        ctx.progress("rebuilding the carried data");
        Optional<DataProof.Outcome> data = carried.prove(in, scratch.server(), environment, baselineSql);

        ParityReport report = report(plan, baseline, source, result, driftDiff, blocking, rules, data);
        Files.createDirectories(markdownFile(in).getParent());
        AtomicFiles.writeString(jsonFile(in), Reports.json(report));
        AtomicFiles.writeString(markdownFile(in), report.markdown());
        ctx.journal().record("holds", Boolean.toString(result.holds()));
        ctx.journal().record("drift", driftDiff.isEmpty() ? "none" : Integer.toString(driftDiff.differences().size()));
        ctx.journal().record("counts", summary(result.diff()));
        if (!result.holds()) {
            throw Problem.drift("Parity failed: the baseline does not rebuild " + report.sourceLabel() + ":\n  "
                            + String.join("\n  ", report.differences()))
                    .why("A baseline must rebuild exactly what it replaces; these objects came out different.")
                    .fix("Read " + in.projectRoot().relativize(markdownFile(in)) + " for every difference. This is a defect "
                            + "of the baseline writer if the source is sound: report it with the run folder.")
                    .state("Nothing was archived and nothing was written to production; the baseline file is in place "
                            + "(--rollback removes it).")
                    .build();
        }
        if (data.isPresent() && !data.get().holds()) {
            throw Problem.drift("The carried data does not rebuild the rows the history left:\n  "
                            + String.join("\n  ", data.get().lines()))
                    .why("A data statement is carried only when it leaves on the baseline what it left in the history; a"
                            + " later statement the carry rule cannot read (a function call, most likely) changed those rows.")
                    .fix("Read " + in.projectRoot().relativize(markdownFile(in)) + ". Move the statements into that table"
                            + " into a later migration of their own, or delete the data file and carry the rows yourself.")
                    .state("Nothing was archived and nothing was written to production; the baseline and the data file are in"
                            + " place (--rollback removes them).")
                    .build();
        }
        if (blocking) {
            throw Problem.drift("Production differs from what its migration history builds:\n  "
                            + String.join("\n  ", report.drift().lines()))
                    .why("The baseline was built from the history, so new environments built from it would not match "
                            + "production.")
                    .fix("Plan again with --source production to build the baseline from production's catalog (the "
                            + "differences above then become part of it), or add migrations that bring the history in line.")
                    .state("Nothing was archived and nothing was written to production; the baseline file is in place "
                            + "(--rollback removes it).")
                    .build();
        }
        return Progress.DONE;
    }

    private ParityReport report(Plan plan, Journal baseline, ScopedSnapshot source, ParityResult result, SnapshotDiff driftDiff,
                                boolean blocking, ComparisonRules rules, Optional<DataProof.Outcome> data) {
        List<ParityReport.KindRow> counts = new ArrayList<>();
        for (KindCount c : result.diff().counts()) {
            counts.add(new ParityReport.KindRow(c.kind().plural(), c.expected(), c.actual(), c.matches()));
        }
        List<ParityReport.ObjectRow> objects = new ArrayList<>();
        for (CatalogObject o : source.objects().objects()) {
            objects.add(new ParityReport.ObjectRow(o.key().display(), o.kind().id(), o.hash()));
        }
        List<String> notCompared = new ArrayList<>();
        plan.codeMigrations().forEach(c -> notCompared.add("code migration " + c + ": an SQL replay cannot see what it did"));
        DataFile file = PlannedDataFile.of(plan);
        String dataFile = file.path();
        plan.dataStatements().forEach(d -> notCompared.add("data statement " + d.command()
                + (d.target() == null ? "" : " " + d.target()) + " at " + d.path() + ":" + d.line() + (d.carried()
                ? ": carried into " + dataFile + (file.isMigration() ? " (a migration recorded as applied)" : " (not a migration)")
                + "; rows are not part of a catalog"
                : ": reported, not carried: " + d.reason())));
        data.ifPresent(o -> o.lines().forEach(l -> notCompared.add("carried data, rebuilt from the baseline and " + dataFile
                + (o.holds() ? "" : " (FAILED)") + ": " + l)));
        String label = "production".equals(plan.source()) ? "production's catalog (" + plan.production().address() + ")"
                : "the catalog the migration history builds";
        return new ParityReport(plan.planId(), baseline.get("path").orElse(""), baseline.get("sha256").orElse(""), plan.source(),
                label, result.holds(), counts, DriftCheck.lines(result.diff(), "the source", "the rebuild"),
                new ParityReport.Drift(true, driftDiff.isEmpty(), blocking, DriftCheck.lines(driftDiff, "the history", "production")),
                objects, rules.describe(), notCompared, scratch.server().description());
    }

    private static String summary(SnapshotDiff diff) {
        StringBuilder sb = new StringBuilder();
        for (KindCount c : diff.counts()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.kind().plural()).append(' ').append(c.actual()).append('/').append(c.expected());
        }
        return sb.toString();
    }

    @Override
    public void compensate(StepContext ctx) {
        // A report only; its scratch database is already dropped.
    }

    @Override
    public String describeDone(StepContext ctx) {
        Journal j = ctx.journalOf(name());
        return j.get("holds").map(h -> ("true".equals(h) ? "Parity holds: " : "Parity FAILED: ") + j.get("counts").orElse("")
                + "; production against history: " + ("none".equals(j.get("drift").orElse("")) ? "no drift" : j.get("drift").orElse("?")
                + " differences") + ".").orElse("");
    }

    @Override
    public String describeUndo(StepContext ctx) {
        return "Nothing to undo: it wrote only its report into the run folder.";
    }
}
