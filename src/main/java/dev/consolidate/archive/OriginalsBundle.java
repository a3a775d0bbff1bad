package dev.consolidate.archive;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.Problem;
import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The originals as one compressed tar in the run folder, written and read back before the first
 * file moves: whatever happens to the project afterwards, the history can be restored from it with
 * {@code tar --zstd -xf originals.tar.zst} run from the project root.
 *
 * <p>Deterministic: entries sorted by name (relative to the project root), the same modification
 * time for all, uid/gid 0 without names, mode 0644, no directory entries, PAX headers only for long
 * or non-ASCII names (their own fields fixed the same way), one zstd frame at a fixed level with its
 * checksum. zstd rather than gzip because the brief's bundle is a .tar.zst, zstd-jni is already
 * bundled for the backup, and GNU tar, bsdtar and {@code zstd -dc | tar -x} all read it.
 */
public final class OriginalsBundle {
    public static final String FILE_NAME = "originals.tar.zst";
    private static final int LEVEL = 9;

    private OriginalsBundle() {
    }

    /**
     * Writes the bundle atomically (mode 0600: migrations can hold secrets) and verifies it by
     * reading it back; the bundle's hash and size.
     */
    public static ArchiveManifest.Bundle write(ArchiveLayout layout, List<ArchivedFile> files, Path target,
                                               String relativeName, Instant mtime) throws IOException {
        List<ArchivedFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(ArchivedFile::from));
        AtomicFiles.write(target, out -> writeTar(layout, sorted, new Unclosed(out), mtime), true);
        verify(target, sorted);
        return new ArchiveManifest.Bundle(relativeName, Sha256.ofFile(target), Files.size(target));
    }

    private static void writeTar(ArchiveLayout layout, List<ArchivedFile> files, OutputStream out, Instant mtime)
            throws IOException {
        ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(out, LEVEL);
        zstd.setChecksum(true);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(zstd)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            byte[] buf = new byte[64 * 1024];
            for (ArchivedFile f : files) {
                TarArchiveEntry e = new TarArchiveEntry(f.from());
                e.setMode(0100644);
                e.setModTime(mtime.toEpochMilli());
                e.setUserId(0);
                e.setGroupId(0);
                e.setUserName("");
                e.setGroupName("");
                e.setSize(f.size());
                tar.putArchiveEntry(e);
                MessageDigest d = Sha256.newDigest();
                long written = 0;
                try (InputStream in = Files.newInputStream(layout.located(f.from()), LinkOption.NOFOLLOW_LINKS)) {
                    int n;
                    while (written < f.size() && (n = in.read(buf, 0, (int) Math.min(buf.length, f.size() - written))) > 0) {
                        tar.write(buf, 0, n);
                        d.update(buf, 0, n);
                        written += n;
                    }
                    if (written != f.size() || in.read() >= 0 || !Sha256.hex(d).equals(f.sha256())) {
                        throw changedWhileBundling(f.from());
                    }
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    /** Reads the bundle back: every entry present, in order, with its content's hash. */
    public static void verify(Path bundle, List<ArchivedFile> sortedFiles) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(bundle));
             TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdInputStreamNoFinalizer(raw))) {
            byte[] buf = new byte[64 * 1024];
            for (ArchivedFile f : sortedFiles) {
                TarArchiveEntry e = tar.getNextEntry();
                if (e == null || !e.getName().equals(f.from())) {
                    throw new IOException("the bundle " + bundle + " lacks " + f.from());
                }
                MessageDigest d = Sha256.newDigest();
                int n;
                while ((n = tar.read(buf)) > 0) {
                    d.update(buf, 0, n);
                }
                if (!Sha256.hex(d).equals(f.sha256())) {
                    throw new IOException("the bundle " + bundle + " holds other bytes for " + f.from());
                }
            }
            if (tar.getNextEntry() != null) {
                throw new IOException("the bundle " + bundle + " holds more entries than the archive");
            }
        }
    }

    private static Problem changedWhileBundling(String file) {
        return Problem.stepFailed(file + " changed while its copy was written into the bundle.")
                .why("The bundle must hold exactly the bytes the plan checked.")
                .fix("Make sure nothing edits the migrations folder during the run, then run --resume.")
                .state("Nothing was moved; the bundle was not written.")
                .build();
    }

    /** zstd and tar close what they wrap; the atomic writer still has to flush and sync the file. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
