package dev.consolidate.history;

import dev.consolidate.fs.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * UUIDs derived from a seed (the plan id) and a purpose: the same plan writes the same ids, and the
 * ids look like the version-4 UUIDs the tools generate (version and variant bits set).
 */
public final class DeterministicIds implements IdSource {
    private final String seed;

    public DeterministicIds(String seed) {
        this.seed = Objects.requireNonNull(seed, "seed");
    }

    @Override
    public String uuid(String purpose) {
        byte[] h = Sha256.newDigest().digest((seed + "\u0000" + purpose).getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x40);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (h[i] & 0xff);
            lsb = (lsb << 8) | (h[8 + i] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }
}
