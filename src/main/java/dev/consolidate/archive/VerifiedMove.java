package dev.consolidate.archive;

import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.fs.Sha256;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Moves one file and proves it arrived: a rename where the file system allows it, else a copy to a
 * temporary sibling, synced, renamed into place, verified, and only then the source deleted. Either
 * way the destination's hash is checked before the move counts.
 */
public final class VerifiedMove {
    private VerifiedMove() {
    }

    /** Outcome of a move whose destination did not hold the expected bytes afterwards. */
    public static final class NotVerified extends IOException {
        private static final long serialVersionUID = 1L;

        NotVerified(Path destination) {
            super(destination + " does not hold the expected bytes after the move");
        }
    }

    public static void move(Path source, Path destination, String sha256) throws IOException {
        Files.createDirectories(destination.getParent());
        try {
            Files.move(source, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            copyThenDelete(source, destination, sha256);
            return;
        }
        if (!Sha256.ofFile(destination).equals(sha256)) {
            throw new NotVerified(destination);
        }
    }

    /**
     * The cross-file-system move. A crash before the rename leaves a temporary sibling (deleted on
     * the next try); after it, both ends hold the file ({@link Placement#COPIED}), which a resumed
     * move settles by deleting the source.
     */
    public static void copyThenDelete(Path source, Path destination, String sha256) throws IOException {
        Files.createDirectories(destination.getParent());
        Path temp = temporary(destination);
        Files.deleteIfExists(temp);
        Files.copy(source, temp, StandardCopyOption.COPY_ATTRIBUTES);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        AtomicFiles.move(temp, destination);
        if (!Sha256.ofFile(destination).equals(sha256)) {
            throw new NotVerified(destination);
        }
        Files.delete(source);
    }

    /** Where an interrupted copy to {@code destination} leaves its bytes. */
    public static Path temporary(Path destination) {
        return destination.resolveSibling(destination.getFileName() + AtomicFiles.TEMP_SUFFIX);
    }
}
