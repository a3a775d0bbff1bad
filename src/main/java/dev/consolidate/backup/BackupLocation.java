package dev.consolidate.backup;

import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A backup as the user names it: its folder, its manifest or its archive. Resolves to the
 * manifest (read and checked for its format) and the archive beside it.
 *
 * @param manifestFile the manifest
 * @param archiveFile  the archive beside it, or null for a backup of mode none
 * @param manifest     the manifest's content
 */
public record BackupLocation(Path manifestFile, Path archiveFile, BackupManifest manifest) {

    public static BackupLocation resolve(Path given) {
        Path p = given.toAbsolutePath().normalize();
        Path manifestFile;
        if (Files.isDirectory(p)) {
            manifestFile = p.resolve(BackupFolder.MANIFEST);
        } else if (p.getFileName().toString().equals(BackupFolder.ARCHIVE)) {
            manifestFile = p.resolveSibling(BackupFolder.MANIFEST);
        } else {
            manifestFile = p;
        }
        if (!Files.isRegularFile(manifestFile)) {
            throw Problem.usage("No backup manifest at " + manifestFile + ".")
                    .why("A backup is known by its manifest (" + BackupFolder.MANIFEST + "); without it there is no "
                            + "complete, verified backup at " + given + ".")
                    .fix("Give the backup folder (the run folder's backup/), its " + BackupFolder.MANIFEST + " or its "
                            + BackupFolder.ARCHIVE + ".")
                    .state("Nothing was changed.")
                    .build();
        }
        BackupManifest manifest;
        try {
            manifest = ManifestCodec.read(Files.readAllBytes(manifestFile), BackupManifest.class);
        } catch (IOException e) {
            throw Problem.usage("The backup manifest " + manifestFile + " cannot be read: " + e.getMessage())
                    .why("It is not a manifest this tool wrote, or it was edited or cut short.")
                    .fix("Use the manifest from another copy of the backup.")
                    .state("Nothing was changed.")
                    .cause(e)
                    .build();
        }
        if (!BackupManifest.FORMAT.equals(manifest.format())) {
            throw Problem.usage("The backup at " + manifestFile + " has format \"" + manifest.format()
                            + "\", which this version does not read.")
                    .why("This version reads " + BackupManifest.FORMAT + ".")
                    .fix("Restore it with the version of consolidate that wrote it.")
                    .state("Nothing was changed.")
                    .build();
        }
        Path archive = manifest.archive() == null ? null : manifestFile.resolveSibling(manifest.archive().file());
        return new BackupLocation(manifestFile, archive, manifest);
    }

    /** Refuses a backup that holds no data of its own (mode none). */
    BackupLocation requireArchive() {
        if (archiveFile == null) {
            throw Problem.usage("The backup at " + manifestFile + " holds no data: it records that the user's own backup was used ("
                            + manifest.reference() + ").")
                    .why("It was taken with --backup none.")
                    .fix("Restore from that backup with the tool it was taken with.")
                    .state("Nothing was changed.")
                    .build();
        }
        return this;
    }
}
