package dev.consolidate.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes every byte read through a {@link CopyStreamDigest} on its way to the reader. */
final class DigestingInputStream extends FilterInputStream {
    private final CopyStreamDigest digest;

    DigestingInputStream(InputStream in, CopyStreamDigest digest) {
        super(in);
        this.digest = digest;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            digest.write(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("every byte must be digested");
    }
}
