package dev.consolidate.backup;

/**
 * What a table's COPY stream amounted to.
 *
 * @param rows        rows (lines of the text COPY format)
 * @param bytes       bytes of the stream, uncompressed
 * @param sha256      SHA-256 of the stream as written (guards the archive entry byte for byte);
 *                    null where it was not computed
 * @param contentHash order-independent hash of the rows (see {@link ContentHash}); what a restored
 *                    table is compared by, since it may return its rows in another order; null
 *                    where it was not computed
 */
public record CopyDigest(long rows, long bytes, String sha256, String contentHash) {
}
