package dev.consolidate.backup;

import dev.consolidate.fs.Sha256;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes the archive: a plain tar (readable by any tar) whose table entries are zstd streams. The
 * tables are spooled to separate files first because several workers write at once and a tar
 * entry's size must be known before its data; assembling then copies compressed bytes only.
 * Every entry's data offset is recorded so that a restore can read entries in parallel and can
 * name the table a truncation cut into.
 */
final class ArchiveWriter implements AutoCloseable {
    private static final int RECORD = 512;

    private final CountingDigestStream out;
    private final TarArchiveOutputStream tar;
    private final Instant mtime;
    private final List<BackupManifest.ArchiveEntry> entries = new ArrayList<>();

    ArchiveWriter(OutputStream file, Instant mtime) {
        this.out = new CountingDigestStream(new BufferedOutputStream(file, 1 << 20));
        // One record per block: no padding beyond the two end records, and every header is flushed
        // as soon as it is complete, so the byte count tells where data starts.
        this.tar = new TarArchiveOutputStream(out, RECORD);
        this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
        // Sizes past 8 GiB in the header itself (base-256), so that no extra header shifts the data.
        this.tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
        this.mtime = mtime;
    }

    void add(String name, byte[] content) throws IOException {
        begin(name, content.length);
        tar.write(content);
        end();
    }

    void add(String name, Path file) throws IOException {
        long size = Files.size(file);
        begin(name, size);
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                tar.write(buf, 0, n);
            }
        }
        end();
    }

    private void begin(String name, long size) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        e.setMode(0600);
        e.setModTime(mtime.toEpochMilli());
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("");
        e.setGroupName("");
        tar.putArchiveEntry(e);
        tar.flush();
        entries.add(new BackupManifest.ArchiveEntry(name, out.count, size));
    }

    private void end() throws IOException {
        tar.closeArchiveEntry();
    }

    /** Finishes the tar and tells its size, hash and entries. */
    BackupManifest.Archive finish(String fileName) throws IOException {
        tar.finish();
        tar.flush();
        return new BackupManifest.Archive(fileName, out.count, HexFormat.of().formatHex(out.digest.digest()), entries);
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    /** Counts and hashes what reaches the file. */
    private static final class CountingDigestStream extends FilterOutputStream {
        final MessageDigest digest = Sha256.newDigest();
        long count;

        CountingDigestStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }
    }
}
