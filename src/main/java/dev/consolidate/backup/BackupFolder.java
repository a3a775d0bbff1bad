package dev.consolidate.backup;

import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The backup's folder and the names in it. Everything is written under a ".partial" name; the
 * manifest is renamed into place last, and only once the archive has been restored and checked,
 * so a manifest under its final name is the one claim that a backup is complete. Files whose
 * names this class gives are the backup's own: a re-run removes leftovers of an interrupted run.
 */
final class BackupFolder {
    static final String MANIFEST = "backup.manifest.json";
    static final String ARCHIVE = "backup.tar";
    static final String PG_DUMP = "backup.pgdump";
    static final String PARTIAL = ".partial";
    static final String SPOOL = "backup.spool" + PARTIAL;

    private final Path dir;

    BackupFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path manifest() {
        return dir.resolve(MANIFEST);
    }

    Path archive() {
        return dir.resolve(ARCHIVE);
    }

    Path pgDump() {
        return dir.resolve(PG_DUMP);
    }

    Path partial(Path finalPath) {
        return finalPath.resolveSibling(finalPath.getFileName() + PARTIAL);
    }

    Path spool() {
        return dir.resolve(SPOOL);
    }

    /**
     * Makes the folder ready for a new backup: creates it (0700), refuses to touch a complete
     * backup, and removes what an interrupted run of ours left.
     *
     * @return the leftovers removed
     */
    List<Path> prepare() {
        try {
            if (!Files.isDirectory(dir)) {
                if (FileSink.posix()) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            if (Files.exists(manifest())) {
                throw Problem.precondition("A complete backup already exists in " + dir + ".")
                        .why("Its manifest (" + MANIFEST + ") is in place; a new backup would replace the one that is known to restore.")
                        .fix("Keep it (the backup step is done), or move the folder away to take a new backup.")
                        .state("Nothing was changed.")
                        .build();
            }
            return removeLeftovers();
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the backup folder " + dir, e);
        }
    }

    /** Removes every partial file and, with no manifest beside them, archives a crash left behind. */
    List<Path> removeLeftovers() throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        for (Path p : List.of(partial(manifest()), partial(archive()), partial(pgDump()), spool())) {
            if (deleteTree(p)) {
                removed.add(p);
            }
        }
        if (!Files.exists(manifest())) {
            for (Path p : List.of(archive(), pgDump())) {
                if (Files.deleteIfExists(p)) {
                    removed.add(p);
                }
            }
        }
        return removed;
    }

    /** Best effort after a failure: the failure itself is what the user must see. */
    void discardPartials() {
        try {
            removeLeftovers();
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover is recognised and removed by the next run
        }
    }

    /** Moves a synced partial file to its final name. */
    static void publish(Path partial, Path target) throws IOException {
        FileSink.fsync(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return false;
        }
        if (Files.isDirectory(p)) {
            try (Stream<Path> all = Files.walk(p)) {
                for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
            return true;
        }
        Files.delete(p);
        return true;
    }

    /** Lists the folder, for messages. */
    List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }
}
