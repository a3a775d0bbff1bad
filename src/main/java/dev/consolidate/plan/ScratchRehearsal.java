package dev.consolidate.plan;

import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.diff.FieldDifference;
import dev.consolidate.catalog.diff.ObjectDifference;
import dev.consolidate.catalog.diff.SnapshotDiff;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.drift.DriftCheck;
import dev.consolidate.drift.ReplayedCatalog;
import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.FileResult;
import dev.consolidate.replay.PreparedHistory;
import dev.consolidate.replay.ReplayListener;
import dev.consolidate.replay.ReplayResult;
import dev.consolidate.replay.Replayer;
import dev.consolidate.scratch.OpenedScratch;
import dev.consolidate.scratch.ScratchServers;
import dev.consolidate.scratch.ScratchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The plan's scratch work: replays the history into a throw-away database on the scratch server
 * matched to production's major, so that a history that does not replay, or needs extensions the
 * server lacks, is found before --execute. Production is only read.
 */
public final class ScratchRehearsal {
    private final Replayer replayer;
    private final ReplayedCatalog replayedCatalog;
    private final DriftCheck driftCheck;

    public ScratchRehearsal(Replayer replayer, ReplayedCatalog replayedCatalog, DriftCheck driftCheck) {
        this.replayer = replayer;
        this.replayedCatalog = replayedCatalog;
        this.driftCheck = driftCheck;
    }

    /**
     * @param info       the scratch server used
     * @param extensions extension name to "the scratch server can install it", or null when not checked
     * @param drift      production against the history, or null when not compared
     * @param notes      what the replay raised that the plan should show
     */
    public record Outcome(Plan.ScratchInfo info, Map<String, Boolean> extensions, Plan.Drift drift, List<String> notes) {
    }

    public static Outcome skipped(String spec) {
        return new Outcome(new Plan.ScratchInfo(spec, null, List.of("not used: --no-replay")), null,
                new Plan.Drift(false, false, List.of(), List.of(), List.of(), "not compared: --no-replay"),
                List.of("The history was not replayed (--no-replay): --execute finds replay errors and drift."));
    }

    public Outcome rehearse(Planner.Analysis a, ProductionSource production, ReplayListener listener) {
        ScratchSpec spec = ScratchSpec.parse(a.settings().scratch());
        try (OpenedScratch scratch = ScratchServers.open(spec, OptionalInt.of(a.serverMajor()))) {
            Set<String> available = scratch.server().availableExtensions();
            PreparedHistory prepared;
            try {
                prepared = replayer.prepare(a.migrations().migrations(), a.environment(), scratch.server());
            } catch (Problem p) {
                throw relabel(p);
            }
            List<String> notes = new ArrayList<>();
            ReplayedCatalog.Result history;
            try {
                history = replayedCatalog.build(scratch.server(), a.environment(), prepared, historyTables(a), listener);
            } catch (Problem p) {
                throw relabel(p);
            }
            ReplayResult result = history.replay();
            for (FileResult f : result.filesWithNotices()) {
                f.notices().stream()
                        .filter(n -> "WARNING".equals(n.severity()))
                        .forEach(n -> notes.add("Replay warning in " + f.path() + " line " + n.line() + ": " + n.message()));
            }
            notes.add("The history replays without error on " + scratch.server().description() + " ("
                    + result.files().size() + " files in " + result.duration().toMillis() + " ms).");
            ScopedSnapshot prod = driftCheck.readProduction(production.access(), history.scope());
            ComparisonRules rules = a.settings().noOwner() ? ComparisonRules.standard().withoutOwners() : ComparisonRules.standard();
            SnapshotDiff diff = driftCheck.compare(history.catalog(), prod, rules, scratch.server());
            Plan.Drift drift = drift(diff);
            Map<String, Boolean> extensions = new TreeMap<>();
            a.prepared().forEach(p -> p.statements().forEach(st -> {
                if (st.extension() != null) {
                    extensions.put(st.extension(), available.contains(st.extension()));
                }
            }));
            return new Outcome(new Plan.ScratchInfo(spec.describe(), scratch.server().description(), scratch.notices()),
                    extensions, drift, notes);
        }
    }

    /** The migration tools' own tables ("schema.table"): never part of a compared catalog. */
    static List<String> historyTables(Planner.Analysis a) {
        List<String> tables = new ArrayList<>();
        for (HistorySnapshot h : new HistorySnapshot[] {a.sourceHistory(), a.targetHistory()}) {
            if (h != null && h.table().schema() != null) {
                tables.add(h.table().schema() + "." + h.table().name());
            }
        }
        return tables;
    }

    private static Plan.Drift drift(SnapshotDiff diff) {
        List<String> onlyProd = new ArrayList<>();
        List<String> onlyHistory = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (ObjectDifference d : diff.differences()) {
            if (d instanceof ObjectDifference.Added x) {
                onlyProd.add(x.key().display());
            } else if (d instanceof ObjectDifference.Removed x) {
                onlyHistory.add(x.key().display());
            } else if (d instanceof ObjectDifference.Changed x) {
                different.add(x.key().display() + " (" + x.fields().stream().map(FieldDifference::path)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")");
            }
        }
        return new Plan.Drift(true, diff.isEmpty(), onlyProd, onlyHistory, different,
                "production's catalog compared with the replayed history's, object by object (" + diff.rules().describe() + ")");
    }

    /** In a plan, a history that cannot be replayed is a precondition of consolidating, not a failed step. */
    private static Problem relabel(Problem p) {
        if (p.exitCode() == ExitCode.USAGE || p.exitCode() == ExitCode.PRECONDITION) {
            return p;
        }
        return Problem.precondition(p.what()).why(p.why()).fix(p.fix())
                .state("No plan was written. " + (p.state() == null ? "" : p.state())).cause(p).build();
    }
}
