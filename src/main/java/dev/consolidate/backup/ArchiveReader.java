package dev.consolidate.backup;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads entries of a backup archive by the offsets the manifest records. Each stream has its own
 * file channel, so workers read different entries at once.
 */
final class ArchiveReader {
    private final Path file;
    private final BackupManifest.Archive archive;

    ArchiveReader(Path file, BackupManifest.Archive archive) {
        this.file = file;
        this.archive = archive;
    }

    /** The stored bytes of an entry; a short read (the archive was truncated) is an EOFException. */
    InputStream open(String entry) throws IOException {
        BackupManifest.ArchiveEntry e = archive.entry(entry);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = ch.size();
            if (e.offset() + e.length() > size) {
                throw new EOFException("the archive ends at byte " + size + ", inside entry " + entry
                        + " (which needs bytes " + e.offset() + " to " + (e.offset() + e.length()) + ")");
            }
        } catch (IOException ex) {
            ch.close();
            throw ex;
        }
        return new BufferedInputStream(new EntryStream(ch, e.offset(), e.length()), 256 * 1024);
    }

    /** A table entry, decompressed. */
    InputStream openTable(String entry) throws IOException {
        return new ZstdInputStreamNoFinalizer(open(entry));
    }

    String readText(String entry) throws IOException {
        try (InputStream in = open(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    byte[] readBytes(String entry) throws IOException {
        try (InputStream in = open(entry)) {
            return in.readAllBytes();
        }
    }

    /** A window of the file read with positional reads. */
    private static final class EntryStream extends InputStream {
        private final FileChannel ch;
        private long position;
        private long remaining;

        EntryStream(FileChannel ch, long offset, long length) {
            this.ch = ch;
            this.position = offset;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int want = (int) Math.min(len, remaining);
            int n = ch.read(ByteBuffer.wrap(b, off, want), position);
            if (n < 0) {
                throw new EOFException("the archive ended " + remaining + " bytes before the end of an entry");
            }
            position += n;
            remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
