package dev.consolidate.check;

import dev.consolidate.catalog.diff.ObjectDifference;
import dev.consolidate.catalog.diff.SnapshotDiff;
import java.util.List;

/**
 * Everything a check found, the one record CHECK.md and the JSON are rendered from.
 *
 * @param checkedAt      when, from the injected clock (UTC, whole seconds)
 * @param expected       side A: the history checked
 * @param actual         side B: production or the other history; null when nothing was compared
 * @param replayFailures migrations that do not replay, per history
 * @param diff           A against B object by object; null when nothing was compared
 * @param scope          which objects belong to the history (the same scope reads both sides)
 * @param codeMigrations files beside the migrations that look like code migrations: never replayed
 * @param dataStatements statements that change rows: a catalog cannot show what they did
 * @param notes          what else the reader should know (scratch server, partial replays)
 */
public record CheckReport(String checkedAt, Side expected, Side actual, List<ReplayFinding> replayFailures, SnapshotDiff diff,
                          String scope, List<String> codeMigrations, List<DataStatement> dataStatements, List<String> notes) {

    public CheckReport {
        replayFailures = List.copyOf(replayFailures);
        codeMigrations = List.copyOf(codeMigrations);
        dataStatements = List.copyOf(dataStatements);
        notes = List.copyOf(notes);
    }

    public Verdict verdict() {
        if (!replayFailures.isEmpty() || (diff != null && !diff.isEmpty())) {
            return Verdict.DRIFT;
        }
        return diff == null ? Verdict.NOT_COMPARED : Verdict.EQUAL;
    }

    public boolean compared() {
        return diff != null;
    }

    public int differenceCount() {
        return diff == null ? 0 : diff.differences().size();
    }

    /** Only in A (B lacks them). */
    public List<ObjectDifference.Removed> onlyInExpected() {
        return diff == null ? List.of() : diff.differences().stream()
                .filter(ObjectDifference.Removed.class::isInstance).map(ObjectDifference.Removed.class::cast).toList();
    }

    /** Only in B. */
    public List<ObjectDifference.Added> onlyInActual() {
        return diff == null ? List.of() : diff.differences().stream()
                .filter(ObjectDifference.Added.class::isInstance).map(ObjectDifference.Added.class::cast).toList();
    }

    public List<ObjectDifference.Changed> changed() {
        return diff == null ? List.of() : diff.differences().stream()
                .filter(ObjectDifference.Changed.class::isInstance).map(ObjectDifference.Changed.class::cast).toList();
    }

    /** The verdict in one sentence, the first line a pull request shows. */
    public String verdictLine() {
        return switch (verdict()) {
            case EQUAL -> expected.label() + " and " + actual.label() + " build the same catalog.";
            case NOT_COMPARED -> expected.label() + " replays without error; nothing was compared with it.";
            case DRIFT -> driftSentence();
        };
    }

    private String driftSentence() {
        StringBuilder sb = new StringBuilder();
        if (compared()) {
            int n = differenceCount();
            sb.append(n).append(n == 1 ? " difference" : " differences").append(" between ").append(expected.label())
                    .append(" and ").append(actual.label());
        }
        if (!replayFailures.isEmpty()) {
            int n = replayFailures.size();
            sb.append(sb.length() == 0 ? "" : "; ").append(n).append(n == 1 ? " migration does" : " migrations do")
                    .append(" not replay");
        }
        return sb.append('.').toString();
    }
}
