package dev.consolidate.catalog.ddl;

import java.time.Instant;
import java.util.List;

/**
 * A written baseline: the whole file, and the same statements split into what must exist before
 * rows are loaded ({@code preData}) and what follows them ({@code postData}); both halves carry
 * the header and session settings, so each can run on its own. {@code sequences} lists every
 * sequence created, for a restore to set values.
 */
public record Baseline(String sql, String preData, String postData, List<SequenceRef> sequences, String sourceFingerprint,
                       int objectCount, Instant generatedAt) {

    public Baseline {
        sequences = List.copyOf(sequences);
    }
}
