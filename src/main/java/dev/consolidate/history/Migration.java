package dev.consolidate.history;

/**
 * One migration file as its tool sees it. Lists of migrations are always in the order the tool
 * applies them.
 *
 * @param version       the identity the tool records in its history table (Supabase digits,
 *                      Prisma directory name, Flyway version as written with '_' read as '.',
 *                      dbmate and golang-migrate digits, plain-folder integer prefix); null for a
 *                      Flyway repeatable
 * @param description   the name part (Flyway description with '_' as ' ')
 * @param kind          versioned, repeatable or baseline
 * @param path          the file, relative to the project root, '/'-separated
 * @param sha256        lower-case hex SHA-256 of the file's bytes
 * @param checksum      the tool's own checksum as it records it (Prisma SHA-256 hex, Flyway signed
 *                      CRC32 in decimal), or null where the tool keeps none
 * @param sql           what the tool executes: the whole file, or dbmate's up section
 * @param sqlStartLine  1-based line of the file on which {@code sql} begins
 * @param transactional false where the tool runs the file outside a transaction (dbmate
 *                      transaction:false, a disable-transaction marker)
 * @param skipped       true where the tool records the file but executes nothing of it (a
 *                      "postgres-migrations ignore" marker)
 */
public record Migration(
        String version,
        String description,
        MigrationKind kind,
        String path,
        String sha256,
        String checksum,
        String sql,
        int sqlStartLine,
        boolean transactional,
        boolean skipped) {

    /** "version_description" style label for messages. */
    public String label() {
        return path;
    }
}
