package dev.consolidate.backup;

import dev.consolidate.fs.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * A tee that measures a text-format COPY stream on its way through: rows, bytes, and the hashes
 * its {@link Measure} asks for, the stream's SHA-256 and the rows' order-independent
 * {@link ContentHash}. Rows are hashed piecewise as bytes arrive, so a row of any size costs no
 * memory; in text format every row ends with a newline (newlines inside values are escaped), which
 * is what makes the row boundary a single byte.
 *
 * <p>Hashing is most of the CPU a backup spends outside the servers, so each pass computes only
 * what it compares: the export both (the manifest records both), a load from the archive the
 * stream's hash (equal streams hold equal rows), a restored table read back its content hash
 * (its rows may come back in another order, so its stream cannot be compared).
 */
final class CopyStreamDigest extends OutputStream {
    private static final long TICK = 16L << 20;

    /** Which hashes a pass computes; rows and bytes are always counted. */
    enum Measure {
        STREAM(true, false), CONTENT(false, true), BOTH(true, true);

        private final boolean stream;
        private final boolean content;

        Measure(boolean stream, boolean content) {
            this.stream = stream;
            this.content = content;
        }
    }

    private final OutputStream downstream;
    private final MessageDigest stream;
    private final MessageDigest row;
    private final ContentHash content;
    private final byte[] rowHash = new byte[32];
    private final LongConsumer progress;
    private long rows;
    private long bytes;
    private long nextTick = TICK;
    private long reported;
    private boolean inRow;
    private CopyDigest result;

    /**
     * @param measure    the hashes to compute
     * @param downstream where the bytes go on to, or null to only measure
     * @param progress   told the bytes seen since it was last told, every 16 MiB and at the end
     */
    CopyStreamDigest(Measure measure, OutputStream downstream, LongConsumer progress) {
        this.downstream = downstream;
        this.progress = progress;
        this.stream = measure.stream ? Sha256.newDigest() : null;
        this.row = measure.content ? Sha256.newDigest() : null;
        this.content = measure.content ? new ContentHash() : null;
    }

    CopyStreamDigest(Measure measure) {
        this(measure, null, n -> { });
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (downstream != null) {
            downstream.write(b, off, len);
        }
        if (stream != null) {
            stream.update(b, off, len);
        }
        bytes += len;
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                if (row != null) {
                    row.update(b, start, i - start);
                }
                endRow();
                start = i + 1;
            }
        }
        if (start < end) {
            if (row != null) {
                row.update(b, start, end - start);
            }
            inRow = true;
        }
        if (bytes >= nextTick) {
            nextTick = bytes + TICK;
            progress.accept(bytes - reported);
            reported = bytes;
        }
    }

    private void endRow() {
        if (row != null) {
            try {
                row.digest(rowHash, 0, rowHash.length);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            content.add(rowHash);
        }
        rows++;
        inRow = false;
    }

    @Override
    public void flush() throws IOException {
        if (downstream != null) {
            downstream.flush();
        }
    }

    /**
     * The measurements, with null for a hash the {@link Measure} left out; the stream must be
     * complete. A last row without its newline (a truncated stream) still counts as a row, so it
     * shows as a difference rather than disappearing.
     */
    CopyDigest finish() {
        if (result == null) {
            if (inRow) {
                endRow();
            }
            if (bytes > reported) {
                progress.accept(bytes - reported);
                reported = bytes;
            }
            result = new CopyDigest(rows, bytes, stream == null ? null : HexFormat.of().formatHex(stream.digest()),
                    content == null ? null : content.hex());
        }
        return result;
    }

    @Override
    public void close() throws IOException {
        if (downstream != null) {
            downstream.close();
        }
    }
}
