package dev.consolidate.history;

import java.time.Clock;
import java.util.Objects;

/**
 * What the baseline's identity is chosen from.
 *
 * @param source       the history being consolidated, in its own tool's layout (when converting, e.g.
 *                     a legacy plain folder into Prisma, another tool than the adapter's)
 * @param history      the adapter's history table in production; null when not read (a history table
 *                     absent is a snapshot with present = false)
 * @param targetFolder the adapter's migrations folder, relative to the project root: where the
 *                     baseline goes (the source folder unless converting)
 * @param name         the user's name for the baseline (--baseline-name), or null for the default
 * @param clock        the clock for names that carry a time (Prisma conversions)
 */
public record BaselineRequest(MigrationSet source, HistorySnapshot history, String targetFolder, String name, Clock clock) {
    public BaselineRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(targetFolder, "targetFolder");
        Objects.requireNonNull(clock, "clock");
    }

    /** Whether the source history belongs to another tool than {@code target}. */
    public boolean converting(Tool target) {
        return source.tool() != target;
    }
}
