package dev.consolidate.check;

import dev.consolidate.history.Migration;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.FileResult;
import dev.consolidate.replay.RejectedStatement;
import dev.consolidate.replay.ReplayListener;
import java.util.Optional;

/**
 * Follows a replay file by file so that, when it stops, the check knows which migration the
 * server rejected (the replay's problem names its line) rather than guessing from text alone.
 */
final class ReplayTracker implements ReplayListener {
    private final ReplayListener next;
    private Migration current;
    private int number;
    private int total;

    ReplayTracker(ReplayListener next) {
        this.next = next;
    }

    @Override
    public void fileStarted(int number, int total, Migration migration) {
        this.current = migration;
        this.number = number;
        this.total = total;
        next.fileStarted(number, total, migration);
    }

    @Override
    public void fileFinished(int number, int total, FileResult result) {
        this.current = null;
        next.fileFinished(number, total, result);
    }

    /**
     * The finding a replay problem stands for, when it is the server rejecting the migration that
     * was running; empty for anything else (the scratch server failing, the environment).
     */
    Optional<ReplayFinding> finding(String history, Problem p) {
        if (current == null || !(p.getCause() instanceof RejectedStatement r) || !r.file().equals(current.path())) {
            return Optional.empty();
        }
        return Optional.of(new ReplayFinding(history, r.file(), r.line(), r.column(), r.describe(), number - 1, total));
    }
}
