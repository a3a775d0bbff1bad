package dev.consolidate.check;

import dev.consolidate.history.Migration;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.FileResult;
import dev.consolidate.replay.ReplayListener;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        if (current == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("^Replay failed at " + Pattern.quote(current.path()) + " line (\\d+), column (\\d+)")
                .matcher(p.what());
        if (!m.find()) {
            return Optional.empty();
        }
        String[] lines = p.what().split("\n");
        String message = lines.length > 1 ? lines[1].strip() : "rejected by the server";
        return Optional.of(new ReplayFinding(history, current.path(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                message, number - 1, total));
    }
}
