package dev.consolidate.carry;

import dev.consolidate.history.BaselineIdentity;
import dev.consolidate.history.Tool;
import dev.consolidate.problem.Problem;
import java.math.BigInteger;

/**
 * Where the carried data goes, beside the baseline in the target tool's migrations folder.
 *
 * <p>By default under a name the tool does not take for a migration: production already holds
 * the rows (or what became of them since), so the file must never run there by itself, and the
 * folder keeps exactly one migration; the user reviews it and runs it where a new database built
 * from the baseline needs the rows, or makes it a migration of their own.
 *
 * <p>With --data-as-migration, where the tool records each migration by name or version
 * (Supabase, Prisma, dbmate), a second migration right after the baseline, which the history
 * step records as applied in production like the baseline: new environments run it, production
 * never does, and Supabase keeps its statements in the row. Flyway (ranked rows), golang-migrate
 * (one version row) and plain folders (no history) keep the file.
 *
 * @param path      relative to the project root, '/'-separated
 * @param notRunBy  why the tool does not run it; for a migration, how it is kept from running in production
 * @param migration the data migration's identity when it is one, else null
 */
public record DataFile(String path, String notRunBy, BaselineIdentity migration) {
    static final String NAME = "consolidated_data.sql";

    /**
     * Whether carried data is a migration unless asked otherwise: where the tool can record it as
     * applied, so that new environments get the rows as they did from the history.
     */
    public static boolean migrationByDefault(Tool tool) {
        return tool == Tool.SUPABASE || tool == Tool.PRISMA || tool == Tool.DBMATE;
    }

    public boolean isMigration() {
        return migration != null;
    }

    /** The data file of a baseline, as a migration when {@code asMigration} (refused where the tool cannot record one). */
    public static DataFile of(Tool tool, String targetFolder, BaselineIdentity baseline, boolean asMigration) {
        String folder = targetFolder.isEmpty() || targetFolder.endsWith("/") ? targetFolder : targetFolder + "/";
        if (asMigration) {
            return migration(tool, folder, baseline);
        }
        return switch (tool) {
            case SUPABASE -> new DataFile(folder + NAME, "the Supabase CLI runs only files named <timestamp>_<name>.sql"
                    + " and skips this one by name", null);
            case PRISMA -> new DataFile(folder + NAME, "Prisma runs only the migration.sql of each migration folder", null);
            case DBMATE -> new DataFile(folder + NAME, "dbmate runs only files named <version>_<name>.sql", null);
            case GOLANG_MIGRATE -> new DataFile(folder + NAME, "golang-migrate runs only files named <version>_<name>.up.sql", null);
            // Flyway with validateMigrationNaming, and numbered-folder runners, refuse an .sql file
            // whose name is not a migration's: a name not ending in .sql is ignored by all of them.
            case FLYWAY -> new DataFile(folder + NAME + ".txt", "Flyway reads only .sql files, and this name does not end"
                    + " in .sql", null);
            case SQL -> new DataFile(folder + NAME + ".txt", "numbered-folder runners read only .sql files, and this name"
                    + " does not end in .sql", null);
        };
    }

    private static DataFile migration(Tool tool, String folder, BaselineIdentity b) {
        String recorded = "recorded as applied in production by the history step, since production already holds its rows";
        return switch (tool) {
            case SUPABASE, DBMATE -> {
                String version = next(b.version());
                String name = b.name() + "_data";
                yield new DataFile(folder + version + "_" + name + ".sql", recorded,
                        new BaselineIdentity(tool, version, name, folder + version + "_" + name + ".sql", b.archiveFolder()));
            }
            case PRISMA -> {
                // "<baseline>_data" sorts right after the baseline's folder name, which is its prefix.
                String name = b.version() + "_data";
                yield new DataFile(folder + name + "/migration.sql", recorded,
                        new BaselineIdentity(tool, name, name, folder + name + "/migration.sql", b.archiveFolder()));
            }
            default -> throw Problem.usage("--data-as-migration is not available for " + tool + ".")
                    .why(switch (tool) {
                        case FLYWAY -> "Flyway ranks its history rows; a second migration recorded as applied would need a"
                                + " version and rank of its own, which consolidate does not invent.";
                        case GOLANG_MIGRATE -> "golang-migrate records one version: the baseline must keep it.";
                        default -> "A plain folder has no history to record a migration as applied in, so its runner would"
                                + " run the data again in production.";
                    })
                    .fix("Plan without --data-as-migration: the data goes to a file beside the baseline that " + tool
                            + " does not run.")
                    .state("Nothing was changed.")
                    .build();
        };
    }

    /** The next version of the same width ("20250926150000" to "20250926150001"); longer only on overflow. */
    private static String next(String version) {
        String n = new BigInteger(version).add(BigInteger.ONE).toString();
        return n.length() < version.length() ? "0".repeat(version.length() - n.length()) + n : n;
    }
}
