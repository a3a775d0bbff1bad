package dev.consolidate.archive;

import dev.consolidate.history.Tool;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where things are: the project, the migrations folder the files leave and the archive folder they
 * go to. A file keeps its path relative to the migrations folder under the archive folder, so a
 * Prisma migration directory or a Flyway sub-folder arrives whole.
 *
 * @param projectRoot      the project root (absolute)
 * @param tool             the tool whose history is archived (decides what belongs to a migration)
 * @param migrationsFolder relative to the root, '/'-separated, "" for the root itself
 * @param archiveFolder    relative to the root, '/'-separated
 */
public record ArchiveLayout(Path projectRoot, Tool tool, String migrationsFolder, String archiveFolder) {

    public ArchiveLayout {
        projectRoot = projectRoot.toAbsolutePath().normalize();
        migrationsFolder = clean(migrationsFolder);
        archiveFolder = clean(archiveFolder);
        if (archiveFolder.isEmpty()) {
            throw new IllegalArgumentException("the archive folder cannot be the project root");
        }
    }

    public Path migrationsDir() {
        return resolve(migrationsFolder);
    }

    public Path archiveDir() {
        return resolve(archiveFolder);
    }

    /** A '/'-separated path relative to the project root, as a file system path. */
    public Path resolve(String projectRelative) {
        return projectRelative.isEmpty() ? projectRoot : projectRoot.resolve(projectRelative).normalize();
    }

    /** The path of a project-relative file below the migrations folder, or null when it is not below it. */
    public String withinMigrations(String projectRelative) {
        if (migrationsFolder.isEmpty()) {
            return projectRelative;
        }
        String prefix = migrationsFolder + "/";
        return projectRelative.startsWith(prefix) && projectRelative.length() > prefix.length()
                ? projectRelative.substring(prefix.length()) : null;
    }

    /** Where a file (relative to the migrations folder) goes, relative to the project root. */
    public String archived(String path) {
        return archiveFolder + "/" + path;
    }

    /** Where a file (relative to the migrations folder) came from, relative to the project root. */
    public String original(String path) {
        return migrationsFolder.isEmpty() ? path : migrationsFolder + "/" + path;
    }

    /**
     * Where a file to archive is now: at its origin, or else (after a crash the journal did not see
     * the end of) already at its place in the archive, or else nowhere (its origin is returned).
     */
    public Path located(String from) {
        Path origin = resolve(from);
        if (Files.isRegularFile(origin, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(origin)) {
            return origin;
        }
        String rel = withinMigrations(from);
        Path archived = rel == null ? null : resolve(archived(rel));
        return archived != null && Files.isRegularFile(archived, LinkOption.NOFOLLOW_LINKS) ? archived : origin;
    }

    /** The project-relative form of a path inside the project ('/'-separated). */
    public String relative(Path p) {
        return projectRoot.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static String clean(String folder) {
        String f = folder == null ? "" : folder.replace('\\', '/');
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        while (f.startsWith("./")) {
            f = f.substring(2);
        }
        return f.equals(".") ? "" : f;
    }
}
