package dev.consolidate.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consolidate.carry.DataFile;
import dev.consolidate.carry.DataMigrationChange;
import dev.consolidate.carry.DataFileText;
import dev.consolidate.carry.HistoryStatement;
import dev.consolidate.carry.HistoryStatements;
import dev.consolidate.carry.ReportedStatement;
import dev.consolidate.catalog.ddl.Baseline;
import dev.consolidate.catalog.ddl.BaselineOptions;
import dev.consolidate.catalog.ddl.BaselineWriter;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.scope.Scope;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.drift.CatalogArtifacts;
import dev.consolidate.drift.DriftCheck;
import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.fs.Sha256;
import dev.consolidate.history.DeterministicIds;
import dev.consolidate.history.HistoryChange;
import dev.consolidate.history.HistoryChangeRequest;
import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.LayoutFile;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.history.ToolAdapter;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlannedDataFile;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 4. Writes the canonical baseline file in the target tool's layout under the planned
 * identity, atomically, from the replayed history's catalog (or production's with --source
 * production), and computes with the file's real bytes the history change the history step will
 * apply (saved in the run folder: its undo needs nothing else).
 */
public final class BaselineStep implements ProtocolStep {
    static final String SOURCE = "baseline/source-catalog.json";
    static final String CHANGE = "history/change.json";
    static final String DATA = "baseline/consolidated_data.sql";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunInputs in;
    private final ToolRegistry tools;
    private final ProductionSource production;
    private final DriftCheck drift;
    private final HistoryStatements history;

    public BaselineStep(RunInputs in, ToolRegistry tools, ProductionSource production, DriftCheck drift,
                        HistoryStatements history) {
        this.in = in;
        this.tools = tools;
        this.production = production;
        this.drift = drift;
        this.history = history;
    }

    @Override
    public StepName name() {
        return StepName.BASELINE;
    }

    /** The catalog the baseline was written from (replayed history or production), full. */
    public static Path sourceFile(RunInputs in) {
        return in.runFolder().artifacts().resolve(SOURCE);
    }

    /** The history change the history step applies and undoes. */
    public static Path changeFile(RunInputs in) {
        return in.runFolder().artifacts().resolve(CHANGE);
    }

    public static HistoryChange readChange(RunInputs in) throws IOException {
        return JSON.readValue(changeFile(in).toFile(), HistoryChange.class);
    }

    @Override
    public Progress execute(StepContext ctx) throws Exception {
        Journal j = ctx.journal();
        j.record("started", in.clock().instant().toString());
        Plan plan = in.plan();
        Path target = in.projectRoot().resolve(plan.baseline().path());
        Scope scope = CatalogArtifacts.readScope(ReplayStep.scopeFile(in));

        Snapshot source = sourceSnapshot(scope);
        ScopedSnapshot scoped = scope.apply(source).requireCoverage();
        BaselineOptions options = BaselineOptions.of(sourceLabel(plan));
        if (plan.project().noOwner()) {
            options = options.withoutOwners();
        }
        Baseline baseline = writer(j).write(scoped, options);
        ToolAdapter targetTool = tools.adapter(plan.project().targetTool());
        byte[] bytes = targetTool.baselineFileText(baseline.sql()).getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(bytes);

        saveCarriedData(plan, targetTool);
        if (j.get("changeSaved").isEmpty()) {
            saveHistoryChange(plan, targetTool, bytes);
            j.record("changeSaved", "yes");
        }
        j.record("path", plan.baseline().path());
        j.record("sha256", sha);
        j.record("bytes", Integer.toString(bytes.length));
        j.record("objects", Integer.toString(scoped.objects().size()));
        if (Files.exists(target)) {
            if (!Sha256.ofFile(target).equals(sha)) {
                throw Problem.precondition("A different file already exists at the baseline's path " + plan.baseline().path() + ".")
                        .why("The baseline is written under the identity the plan chose; the tool's folder holds another "
                                + "file under that name, which the tool would then run or refuse.")
                        .fix("Move that file away (it is not part of the plan's history), then run --resume.")
                        .state("Nothing in the project or production was changed by this step. Resume with --resume or undo "
                                + "the earlier steps with --rollback.")
                        .build();
            }
        } else {
            List<String> created = createParents(target.getParent());
            if (!created.isEmpty()) {
                j.record("createdDirs", String.join("\n", created));
            }
            j.record("writing", "yes");
            ctx.faultPoint("baseline:before-write");
            try {
                AtomicFiles.write(target, out -> {
                    // Written in two halves so that a test can crash or fill the disk half-way.
                    int half = bytes.length / 2;
                    out.write(bytes, 0, half);
                    ctx.faultPoint("baseline:writing");
                    out.write(bytes, half, bytes.length - half);
                }, false);
            } catch (IOException | java.io.UncheckedIOException e) {
                String reason = e instanceof java.io.UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
                throw Problem.stepFailed("Could not write the baseline " + plan.baseline().path() + ": " + reason)
                        .why("The baseline is written to a temporary file first and renamed into place; the write failed.")
                        .fix("Free space or fix the folder's permissions, then run --resume.")
                        .state("No baseline file was left behind (the temporary file was removed); production is untouched.")
                        .cause(e)
                        .build();
            }
            ctx.faultPoint("baseline:written");
        }
        BesideBaseline.write(j, in.projectRoot(), besideFiles(targetTool, plan));
        j.record("written", in.clock().instant().toString());
        return Progress.DONE;
    }

    /** The target tool's layout files its folder lacks (kept when the user has one), and the carried data. */
    private List<BesideBaseline.Wanted> besideFiles(ToolAdapter target, Plan plan) throws IOException {
        List<BesideBaseline.Wanted> out = new ArrayList<>();
        for (LayoutFile f : target.layoutFiles(plan.project().targetFolder())) {
            out.add(new BesideBaseline.Wanted(f.path(), f.text(), false));
        }
        if (Files.exists(dataFile(in))) {
            out.add(new BesideBaseline.Wanted(PlannedDataFile.of(plan).path(), Files.readString(dataFile(in)), true));
        }
        return out;
    }

    /**
     * The data file's text, kept in the run folder before the baseline is written: the history is
     * read while its folder holds nothing else (a baseline written into the same folder would be
     * a second file of the newest version to the tool's rules).
     */
    private void saveCarriedData(Plan plan, ToolAdapter target) throws IOException {
        java.util.Set<String> carried = new java.util.HashSet<>();
        List<ReportedStatement> reported = new ArrayList<>();
        for (Plan.DataStatement d : plan.dataStatements()) {
            if (d.carried()) {
                carried.add(d.path() + ":" + d.line());
            } else {
                reported.add(new ReportedStatement(d.path() + ":" + d.line(), d.command(), d.target(), d.reason()));
            }
        }
        if (carried.isEmpty() || Files.exists(dataFile(in))) {
            return;
        }
        MigrationSet source = tools.resolve(in.projectRoot(), plan.project().tool(), Path.of(plan.project().folder())).discover();
        List<HistoryStatement> statements = history.of(source).stream().filter(h -> carried.contains(h.location())).toList();
        DataFile file = PlannedDataFile.of(plan);
        String text = DataFileText.of(file, plan.planId(), plan.baseline().path(), statements, reported);
        Files.createDirectories(dataFile(in).getParent());
        AtomicFiles.writeString(dataFile(in), file.isMigration() ? target.baselineFileText(text) : text);
    }

    /** The carried data as the baseline step writes it beside the baseline; absent when nothing is carried. */
    public static Path dataFile(RunInputs in) {
        return in.runFolder().artifacts().resolve(DATA);
    }

    /**
     * The writer, its clock fixed at the time this step first ran: the baseline's header names that
     * time, and a resumed run must produce the same bytes (the file may already be written, and the
     * history change saved from those bytes).
     */
    private BaselineWriter writer(Journal j) {
        String at = j.get("generatedAt").orElseGet(() -> {
            String now = in.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
            j.record("generatedAt", now);
            return now;
        });
        return new BaselineWriter(Clock.fixed(Instant.parse(at), ZoneOffset.UTC));
    }

    private Snapshot sourceSnapshot(Scope scope) {
        Path file = sourceFile(in);
        if (Files.exists(file)) {
            return CatalogArtifacts.readSnapshot(file);
        }
        Snapshot s;
        if ("production".equals(in.plan().source())) {
            s = drift.readProductionCatalog(production.access());
        } else {
            s = CatalogArtifacts.readSnapshot(ReplayStep.catalogFile(in));
        }
        CatalogArtifacts.writeSnapshot(file, s);
        return s;
    }

    private void saveHistoryChange(Plan plan, ToolAdapter target, byte[] baselineBytes) throws Exception {
        if (target.defaultHistoryTable().isEmpty()) {
            return;
        }
        MigrationSet source = tools.resolve(in.projectRoot(), plan.project().tool(), Path.of(plan.project().folder())).discover();
        HistorySnapshot history;
        try (Connection c = production.access().openReadOnly()) {
            history = target.readHistory(c, target.defaultHistoryTable().get());
        }
        DeterministicIds ids = new DeterministicIds(plan.planId());
        HistoryChange change = target.historyChange(new HistoryChangeRequest(plan.baseline(), baselineBytes, source, history,
                in.clock(), ids));
        DataFile data = PlannedDataFile.of(plan);
        if (data.isMigration() && Files.exists(dataFile(in))) {
            HistoryChange dataChange = target.historyChange(new HistoryChangeRequest(data.migration(),
                    Files.readAllBytes(dataFile(in)), source, history, in.clock(), ids));
            change = DataMigrationChange.merge(change, dataChange, data);
        }
        Files.createDirectories(changeFile(in).getParent());
        AtomicFiles.writeString(changeFile(in), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(change) + "\n");
    }

    private String sourceLabel(Plan plan) {
        return "production".equals(plan.source())
                ? "the production catalog of " + plan.production().address()
                : "a replay of " + plan.project().folder() + " (" + plan.migrations().size() + " migrations)";
    }

    private static List<String> createParents(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        List<String> created = new ArrayList<>();
        for (Path p : missing) {
            Files.createDirectory(p);
            created.add(p.toString());
        }
        return created;
    }

    @Override
    public void compensate(StepContext ctx) throws Exception {
        Journal forward = ctx.journalOf(name());
        if (forward.get("path").isEmpty()) {
            return;
        }
        BesideBaseline.undo(forward, in.projectRoot());
        Path target = in.projectRoot().resolve(forward.get("path").get());
        // A run killed while writing leaves the temporary sibling, never a half baseline.
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + AtomicFiles.TEMP_SUFFIX));
        if (Files.exists(target)) {
            String sha = forward.get("sha256").orElse("");
            if (!Sha256.ofFile(target).equals(sha)) {
                throw Problem.manual("The baseline file " + forward.get("path").get() + " was edited after it was written.")
                        .why("Undo deletes only the file this run wrote (SHA-256 " + sha + "); deleting an edited file would lose work.")
                        .fix("Keep your edits elsewhere, delete the file yourself, then run --rollback again.")
                        .state("The baseline file was left as it is; undo of later steps is complete.")
                        .build();
            }
            Files.delete(target);
        }
        List<String> dirs = new ArrayList<>(List.of(forward.get("createdDirs").orElse("").split("\n")));
        java.util.Collections.reverse(dirs);
        for (String d : dirs) {
            if (!d.isBlank()) {
                Path p = Path.of(d);
                try (var s = Files.list(p)) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(p);
                    }
                } catch (java.nio.file.NoSuchFileException ignored) {
                    // already gone
                }
            }
        }
        ctx.journal().record("deleted", forward.get("path").get());
    }

    @Override
    public String describeDone(StepContext ctx) {
        Journal j = ctx.journalOf(name());
        // "written" is recorded once the file is in place; before that the step failed or was stopped on the way
        String verb = j.get("written").isPresent() ? "Wrote" : "Began writing, and did not finish,";
        return j.get("path").map(p -> verb + " the baseline " + p + " (" + j.get("bytes").orElse("?") + " bytes, "
                + j.get("objects").orElse("?") + " objects, SHA-256 " + j.get("sha256").orElse("?") + ")"
                + (BesideBaseline.written(j).isEmpty() ? "" : " and beside it " + String.join(", ", BesideBaseline.written(j)))
                + ".").orElse("");
    }

    @Override
    public String describeUndo(StepContext ctx) {
        List<String> beside = BesideBaseline.written(ctx.journalOf(name()));
        return ctx.journalOf(name()).get("path").map(p -> "Deletes " + p + (beside.isEmpty() ? "" : " and " + String.join(", ", beside))
                + (beside.isEmpty() ? " if it is still the file this run wrote" : " if they are still the files this run wrote")
                + " (same SHA-256); an edited file is left alone and reported.")
                .orElse("Nothing to undo.");
    }

    @Override
    public List<String> manualUndo(StepContext ctx) {
        Journal j = ctx.journalOf(name());
        List<String> out = new ArrayList<>(BesideBaseline.manualUndo(j));
        j.get("path").ifPresent(p -> out.addAll(List.of(
                "echo '" + j.get("sha256").orElse("") + "  " + p + "' | sha256sum -c -   # must say OK before deleting",
                "rm '" + p + "'")));
        return out;
    }
}
