package dev.consolidate.check;

import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.diff.SnapshotDiff;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.drift.DriftCheck;
import dev.consolidate.drift.ReplayedCatalog;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.PreparedHistory;
import dev.consolidate.replay.ReplayListener;
import dev.consolidate.replay.Replayer;
import dev.consolidate.scratch.OpenedScratch;
import dev.consolidate.scratch.ScratchServer;
import dev.consolidate.scratch.ScratchServers;
import dev.consolidate.scratch.ScratchSpec;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The read-only drift gate: replays a history into scratch and compares what it builds with
 * production (read through read-only sessions) or with another history replayed on its own
 * environment. A migration the server rejects is a finding, not an abort: the check then compares
 * what the history builds up to the migration before it, so the other differences still show.
 * Nothing is written anywhere but scratch databases, which are dropped.
 */
public final class DriftGate {
    private final Replayer replayer;
    private final ReplayedCatalog replayedCatalog;
    private final DriftCheck driftCheck;
    private final Clock clock;

    public DriftGate(Replayer replayer, ReplayedCatalog replayedCatalog, DriftCheck driftCheck, Clock clock) {
        this.replayer = replayer;
        this.replayedCatalog = replayedCatalog;
        this.driftCheck = driftCheck;
        this.clock = clock;
    }

    /**
     * @param history the history checked (side A)
     * @param target  what it is compared with (side B)
     * @param scratch where the replays run
     * @param rules   what the comparison covers
     */
    public record Request(HistoryInput history, CheckTarget target, ScratchSpec scratch, ComparisonRules rules) {
    }

    /**
     * @param report   what was found
     * @param baseline the history's scoped catalog when the whole history replayed (what a verify
     *                 script checks a database against); empty when a migration failed
     * @param major    the major of the scratch server the histories were replayed on
     */
    public record Outcome(CheckReport report, Optional<ScopedSnapshot> baseline, int major) {
    }

    /** Opens the scratch server the request names (matched to production's major) and checks. */
    public Outcome check(Request request, ReplayListener listener) {
        OptionalInt major = OptionalInt.empty();
        if (request.target() instanceof CheckTarget.ProductionDatabase p) {
            // Production is asked first: an unreachable one fails the check before any replay.
            major = OptionalInt.of(p.production().serverMajor());
        }
        try (OpenedScratch scratch = ScratchServers.open(request.scratch(), major)) {
            return check(request, scratch.server(), scratch.notices(), listener);
        }
    }

    /** Checks on a scratch server the caller owns; {@code notices} are what the caller was told about it. */
    public Outcome check(Request request, ScratchServer server, List<String> notices, ReplayListener listener) {
        Replayed a = replay(server, request.history(), listener);
        List<ReplayFinding> failures = new ArrayList<>();
        a.failure().ifPresent(failures::add);
        List<DataStatement> data = new ArrayList<>(Uncompared.dataStatements(request.history(), a.prepared()));
        List<String> code = new ArrayList<>(Uncompared.codeMigrations(request.history()));
        List<String> notes = new ArrayList<>(notices);
        a.failure().ifPresent(f -> notes.add(partial(f)));

        Side expected = new Side(request.history().label(), describe(a, server));
        Side actual = null;
        SnapshotDiff diff = null;
        if (request.target() instanceof CheckTarget.ProductionDatabase p) {
            ScopedSnapshot prod = driftCheck.readProduction(p.production(), a.result().scope());
            diff = driftCheck.compare(a.result().catalog(), prod, request.rules(), server);
            actual = new Side("production", "the catalog of " + p.production().spec().redacted()
                    + ", read through a read-only session and scoped like the history");
        } else if (request.target() instanceof CheckTarget.OtherHistory o) {
            HistoryInput other = o.history();
            String label = other.label().equals(request.history().label()) ? other.label() + " [against]" : other.label();
            other = new HistoryInput(label, other.project(), other.migrations(), other.environment(), other.historyTables());
            Replayed b = replay(server, other, listener);
            b.failure().ifPresent(failures::add);
            b.failure().ifPresent(f -> notes.add(partial(f)));
            data.addAll(Uncompared.dataStatements(other, b.prepared()));
            code.addAll(Uncompared.codeMigrations(other));
            diff = driftCheck.compare(a.result().catalog(), b.result().catalog(), request.rules(), server);
            actual = new Side(label, describe(b, server));
        }
        CheckReport report = new CheckReport(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), expected, actual,
                failures, diff, a.result().scope().describe(), code, data, notes);
        return new Outcome(report, a.failure().isPresent() ? Optional.empty() : Optional.of(a.result().catalog()), server.major());
    }

    private record Replayed(HistoryInput input, ReplayedCatalog.Result result, PreparedHistory prepared,
                            Optional<ReplayFinding> failure) {
    }

    private Replayed replay(ScratchServer server, HistoryInput h, ReplayListener listener) {
        PreparedHistory prepared = replayer.prepare(h.migrations().migrations(), h.environment(), server);
        ReplayTracker tracker = new ReplayTracker(listener);
        try {
            return new Replayed(h, replayedCatalog.build(server, h.environment(), prepared, h.historyTables(), tracker), prepared,
                    Optional.empty());
        } catch (Problem p) {
            ReplayFinding f = tracker.finding(h.label(), p).orElseThrow(() -> p);
            PreparedHistory before = new PreparedHistory(prepared.migrations().subList(0, f.applied()), prepared.bootstrap());
            return new Replayed(h, replayedCatalog.build(server, h.environment(), before, h.historyTables(), ReplayListener.NONE),
                    prepared, Optional.of(f));
        }
    }

    private static String describe(Replayed r, ScratchServer server) {
        int total = r.prepared().migrations().size();
        StringBuilder sb = new StringBuilder();
        sb.append(total).append(' ').append(r.input().project().tool().cliName()).append(total == 1 ? " migration" : " migrations")
                .append(" in ").append(r.input().migrations().folder()).append(", replayed on PostgreSQL ").append(server.major())
                .append(" (").append(r.input().environmentDescription()).append(')');
        r.failure().ifPresent(f -> sb.append("; stopped at file ").append(f.applied() + 1).append(" of ").append(total));
        return sb.toString();
    }

    private static String partial(ReplayFinding f) {
        return f.history() + ": compared what its first " + f.applied() + " of " + f.total()
                + " migrations build, since " + f.file() + " does not replay.";
    }
}
