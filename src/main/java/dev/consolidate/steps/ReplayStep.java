package dev.consolidate.steps;

import dev.consolidate.drift.CatalogArtifacts;
import dev.consolidate.drift.ReplayedCatalog;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.history.ResolvedProject;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.plan.Plan;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.replay.PreparedHistory;
import dev.consolidate.replay.ReplayListener;
import dev.consolidate.replay.Replayer;
import dev.consolidate.history.Migration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Step 3. Replays every historical migration, in the tool's order, into a fresh scratch database
 * on the plan's environment, and keeps what it built (its catalog, scoped to the history's own
 * objects) in the run folder for the baseline and parity steps. The scratch databases are
 * dropped before the step ends.
 */
public final class ReplayStep implements ProtocolStep {
    static final String CATALOG = "replay/catalog.json";
    static final String SCOPE = "replay/scope.json";

    private final RunInputs in;
    private final ToolRegistry tools;
    private final Replayer replayer;
    private final ReplayedCatalog replayedCatalog;
    private final ScratchAccess scratch;
    private final EnvironmentSpec environment;
    private final List<String> historyTables;
    private final CarriedRows carried;

    public ReplayStep(RunInputs in, ToolRegistry tools, Replayer replayer, ReplayedCatalog replayedCatalog,
                      ScratchAccess scratch, EnvironmentSpec environment, List<String> historyTables, CarriedRows carried) {
        this.carried = carried;
        this.in = in;
        this.tools = tools;
        this.replayer = replayer;
        this.replayedCatalog = replayedCatalog;
        this.scratch = scratch;
        this.environment = environment;
        this.historyTables = List.copyOf(historyTables);
    }

    @Override
    public StepName name() {
        return StepName.REPLAY;
    }

    /** The replayed history's catalog file and its scope file in the run folder. */
    public static Path catalogFile(RunInputs in) {
        return in.runFolder().artifacts().resolve(CATALOG);
    }

    public static Path scopeFile(RunInputs in) {
        return in.runFolder().artifacts().resolve(SCOPE);
    }

    @Override
    public Progress execute(StepContext ctx) throws Exception {
        ctx.journal().record("started", in.clock().instant().toString());
        Plan plan = in.plan();
        ResolvedProject project = tools.resolve(in.projectRoot(), plan.project().tool(), Path.of(plan.project().folder()));
        MigrationSet set = project.discover();
        List<Migration> migrations = set.migrations();
        PreparedHistory prepared = replayer.prepare(migrations, environment, scratch.server());
        int total = migrations.size();
        ReplayedCatalog.Result result = replayedCatalog.build(scratch.server(), environment, prepared, historyTables,
                new ReplayListener() {
                    @Override
                    public void fileStarted(int number, int all, Migration m) {
                        ctx.progress("file " + number + "/" + total + " " + m.path());
                    }
                }, carried.capture(in, set, environment));
        Files.createDirectories(catalogFile(in).getParent());
        CatalogArtifacts.writeScope(scopeFile(in), result.catalog().scope());
        CatalogArtifacts.writeSnapshot(catalogFile(in), unscoped(result));
        ctx.journal().record("files", Integer.toString(total));
        ctx.journal().record("statements", Integer.toString(result.replay().statements()));
        ctx.journal().record("server", scratch.server().description());
        ctx.journal().record("objects", Integer.toString(result.catalog().objects().size()));
        ctx.journal().record("catalogFingerprint", result.catalog().objects().fingerprint());
        return Progress.DONE;
    }

    /**
     * The scoped catalog is re-derived from the environment and the full snapshot on reading, so
     * the full snapshot is what is kept: the history's objects plus the environment it ran on.
     */
    private static dev.consolidate.catalog.model.Snapshot unscoped(ReplayedCatalog.Result r) {
        return r.fullSnapshot();
    }

    @Override
    public void compensate(StepContext ctx) {
        // Its scratch databases are dropped as it ends (and reaped if a crash left one); its
        // artifacts stay in the run folder as evidence.
    }

    @Override
    public String describeDone(StepContext ctx) {
        Journal j = ctx.journalOf(name());
        return j.get("files").map(f -> "Replayed " + f + " migrations (" + j.get("statements").orElse("?")
                + " statements) into a scratch database on " + j.get("server").orElse("the scratch server") + "; the history builds "
                + j.get("objects").orElse("?") + " objects of its own.").orElse("");
    }

    @Override
    public String describeUndo(StepContext ctx) {
        return "Nothing to undo: the scratch databases were dropped when the step ended; its catalog stays in the run folder "
                + "as evidence.";
    }
}
