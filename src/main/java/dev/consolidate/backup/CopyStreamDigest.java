package dev.consolidate.backup;

import dev.consolidate.fs.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

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
        if (row == null) {
            countRows(b, off, off + len);
        } else {
            hashRows(b, off, off + len);
        }
        if (bytes >= nextTick) {
            nextTick = bytes + TICK;
            progress.accept(bytes - reported);
            reported = bytes;
        }
    }

    /** Counts the row ends in {@code b[from, to)}, eight bytes at a time. */
    private void countRows(byte[] b, int from, int to) {
        int last = -1;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long newlines = newlines((long) LITTLE_ENDIAN_LONG.get(b, i));
            if (newlines != 0) {
                rows += Long.bitCount(newlines);
                last = i + ((Long.SIZE - 1 - Long.numberOfLeadingZeros(newlines)) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                rows++;
                last = i;
            }
        }
        if (last >= 0) {
            inRow = last < to - 1;
        } else if (to > from) {
            inRow = true;
        }
    }

    /** Hashes the rows in {@code b[from, to)} piecewise, finding row ends eight bytes at a time. */
    private void hashRows(byte[] b, int from, int to) {
        int start = from;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long newlines = newlines((long) LITTLE_ENDIAN_LONG.get(b, i));
            while (newlines != 0) {
                int at = i + (Long.numberOfTrailingZeros(newlines) >>> 3);
                row.update(b, start, at - start);
                endRow();
                start = at + 1;
                newlines &= newlines - 1;
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                row.update(b, start, i - start);
                endRow();
                start = i + 1;
            }
        }
        if (start < to) {
            row.update(b, start, to - start);
            inRow = true;
        }
    }

    /**
     * The high bit of every byte of {@code word} that is a newline, and no other bit: the exact
     * form of the zero-byte test (no borrow crosses bytes, so a newline never marks its neighbour).
     */
    static long newlines(long word) {
        long x = word ^ NEWLINES;
        long t = (x & LOW_SEVEN) + LOW_SEVEN;
        return ~(t | x | LOW_SEVEN);
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
