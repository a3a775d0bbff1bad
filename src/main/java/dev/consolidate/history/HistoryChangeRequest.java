package dev.consolidate.history;

import java.time.Clock;
import java.util.Objects;

/**
 * What the history step's change is computed from.
 *
 * @param baseline     the baseline's identity (from {@link ToolAdapter#baseline})
 * @param baselineFile the baseline file's bytes as written (its checksum and, for Supabase, its statements)
 * @param source       the history being consolidated (the files about to be archived)
 * @param history      the adapter's history table in production as read by the plan
 * @param clock        the clock for the timestamps the tool would write (Prisma)
 * @param ids          the id source for the ids the tool would generate (Prisma)
 */
public record HistoryChangeRequest(BaselineIdentity baseline, byte[] baselineFile, MigrationSet source,
                                   HistorySnapshot history, Clock clock, IdSource ids) {
    public HistoryChangeRequest {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(baselineFile, "baselineFile");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        baselineFile = baselineFile.clone();
    }

    @Override
    public byte[] baselineFile() {
        return baselineFile.clone();
    }
}
