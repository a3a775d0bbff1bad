package dev.consolidate.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the files a backup writes. Production's rows end up in them, so they are readable by
 * their owner only (0600) from the moment they exist, not chmod-ed afterwards.
 */
@FunctionalInterface
interface FileSink {

    /** Creates {@code path}, which must not exist yet, and opens it for writing. */
    OutputStream create(Path path) throws IOException;

    FileSink PRIVATE = FileSink::createPrivate;

    private static OutputStream createPrivate(Path path) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileChannel ch = posix()
                ? FileChannel.open(path, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(path, options);
        return Channels.newOutputStream(ch);
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Flushes a written file (or a folder's entries) to the disk, so a rename after it is durable. */
    static void fsync(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                ch.force(true);
            } catch (IOException e) {
                // Some file systems cannot sync a folder; the files themselves were synced.
            }
            return;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
