package dev.consolidate.backup;

import dev.consolidate.fs.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * A tee that measures a text-format COPY stream on its way through: rows, bytes, the stream's
 * SHA-256 and the rows' order-independent {@link ContentHash}. Rows are hashed piecewise as bytes
 * arrive, so a row of any size costs no memory; in text format every row ends with a newline
 * (newlines inside values are escaped), which is what makes the row boundary a single byte.
 */
final class CopyStreamDigest extends OutputStream {
    private static final long TICK = 16L << 20;

    private final OutputStream downstream;
    private final MessageDigest stream = Sha256.newDigest();
    private final MessageDigest row = Sha256.newDigest();
    private final ContentHash content = new ContentHash();
    private final byte[] rowHash = new byte[32];
    private final LongConsumer progress;
    private long rows;
    private long bytes;
    private long nextTick = TICK;
    private long reported;
    private boolean inRow;
    private CopyDigest result;

    /**
     * @param downstream where the bytes go on to, or null to only measure
     * @param progress   told the bytes seen since it was last told, every 16 MiB and at the end
     */
    CopyStreamDigest(OutputStream downstream, LongConsumer progress) {
        this.downstream = downstream;
        this.progress = progress;
    }

    CopyStreamDigest() {
        this(null, n -> { });
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
        stream.update(b, off, len);
        bytes += len;
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                row.update(b, start, i - start);
                endRow();
                start = i + 1;
            }
        }
        if (start < end) {
            row.update(b, start, end - start);
            inRow = true;
        }
        if (bytes >= nextTick) {
            nextTick = bytes + TICK;
            progress.accept(bytes - reported);
            reported = bytes;
        }
    }

    private void endRow() {
        try {
            row.digest(rowHash, 0, rowHash.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        content.add(rowHash);
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
     * The measurements; the stream must be complete. A last row without its newline (a truncated
     * stream) still counts as a row, so it shows as a difference rather than disappearing.
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
            result = new CopyDigest(rows, bytes, HexFormat.of().formatHex(stream.digest()), content.hex());
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
