package dev.consolidate.catalog.ddl;

import java.time.Instant;
import java.util.List;

/**
 * A written baseline: the whole file, and the same statements split into what must exist before
 * rows are loaded ({@code preData}) and what follows them ({@code postData}); both halves carry
 * the header and session settings, so each can run on its own. {@code tables} lists
 * the tables the baseline creates (whose rows a restore loads), {@code sequences} every sequence
 * created, for a restore to set values.
 */
public record Baseline(String sql, String preData, String postData, List<TableRef> tables, List<SequenceRef> sequences,
                       String sourceFingerprint, int objectCount, Instant generatedAt) {

    public Baseline {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }
}
