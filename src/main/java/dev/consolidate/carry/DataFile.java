package dev.consolidate.carry;

import dev.consolidate.history.Tool;

/**
 * Where the carried data goes: beside the baseline, in the target tool's migrations folder,
 * under a name the tool does not take for a migration. Production already holds the rows (or
 * what became of them since), so the file must never run there by itself; the user reviews it
 * and runs it where a new database built from the baseline needs the rows, or makes it a
 * migration of their own.
 *
 * @param path       relative to the project root, '/'-separated
 * @param notRunBy   why the tool does not run it, for the plan and the file's header
 */
public record DataFile(String path, String notRunBy) {
    static final String NAME = "consolidated_data.sql";

    public static DataFile of(Tool tool, String targetFolder) {
        String folder = targetFolder.isEmpty() || targetFolder.endsWith("/") ? targetFolder : targetFolder + "/";
        return switch (tool) {
            case SUPABASE -> new DataFile(folder + NAME, "the Supabase CLI runs only files named <timestamp>_<name>.sql"
                    + " and skips this one by name");
            case PRISMA -> new DataFile(folder + NAME, "Prisma runs only the migration.sql of each migration folder");
            case DBMATE -> new DataFile(folder + NAME, "dbmate runs only files named <version>_<name>.sql");
            case GOLANG_MIGRATE -> new DataFile(folder + NAME, "golang-migrate runs only files named <version>_<name>.up.sql");
            // Flyway with validateMigrationNaming, and numbered-folder runners, refuse an .sql file
            // whose name is not a migration's: a name not ending in .sql is ignored by all of them.
            case FLYWAY -> new DataFile(folder + NAME + ".txt", "Flyway reads only .sql files, and this name does not end"
                    + " in .sql");
            case SQL -> new DataFile(folder + NAME + ".txt", "numbered-folder runners read only .sql files, and this name"
                    + " does not end in .sql");
        };
    }
}
