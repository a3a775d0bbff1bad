package dev.consolidate.backup;

import java.nio.file.Path;

/**
 * A complete backup.
 *
 * @param manifestFile the manifest, whose presence says the backup is complete and verified
 * @param archiveFile  the archive, or null for mode none
 * @param pgDumpFile   the pg_dump file, or null when none was written
 * @param manifest     the manifest's content
 */
public record BackupResult(Path manifestFile, Path archiveFile, Path pgDumpFile, BackupManifest manifest) {
}
