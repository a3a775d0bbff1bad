package dev.consolidate.history;

import java.util.Objects;

/**
 * The baseline as the tool will know it.
 *
 * @param tool          the tool that runs it
 * @param version       what the tool records for it (Supabase/dbmate/golang-migrate/plain version digits,
 *                      Prisma directory name, Flyway version)
 * @param name          the name part (Supabase name, Flyway description with spaces, Prisma directory name)
 * @param path          the baseline file, relative to the project root, '/'-separated
 * @param archiveFolder where the consolidated files are moved, relative to the project root
 */
public record BaselineIdentity(Tool tool, String version, String name, String path, String archiveFolder) {
    public BaselineIdentity {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(archiveFolder, "archiveFolder");
    }

    /** The baseline file's name. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
