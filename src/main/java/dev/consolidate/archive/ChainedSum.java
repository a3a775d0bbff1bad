package dev.consolidate.archive;

import dev.consolidate.fs.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A running SHA-256 over each file's name and then its content, in order, as Atlas's atlas.sum
 * chains its entries (in hex here, the tool's one form of a hash). Each file's entry is the digest
 * so far, so the first entry that differs names the first file added, edited, removed or reordered,
 * and the last one seals the whole set.
 */
public final class ChainedSum {
    private final MessageDigest running = Sha256.newDigest();

    /** Starts the next file: its name relative to the archive folder. */
    public void name(String path) {
        running.update(path.getBytes(StandardCharsets.UTF_8));
    }

    public void content(byte[] bytes, int offset, int length) {
        running.update(bytes, offset, length);
    }

    /** The chain so far (the entry of the file just fed, or the total after the last). */
    public String current() {
        try {
            return Sha256.hex((MessageDigest) running.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JVM's SHA-256 cannot be cloned", e);
        }
    }
}
