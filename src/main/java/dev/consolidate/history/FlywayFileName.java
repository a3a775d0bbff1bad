package dev.consolidate.history;

/**
 * Flyway's reading of a file name with the default prefixes and separator: V<version>__<description>.sql,
 * R__<description>.sql, B<version>__<description>.sql. Names Flyway would not resolve give a reason
 * instead (Flyway skips them silently unless validateMigrationNaming is on).
 *
 * @param kind        versioned, repeatable or baseline; null when not a migration
 * @param version     the parsed version (null for repeatables and non-migrations)
 * @param description the description, '_' read as ' '
 * @param reason      why it is not a migration, else null
 */
record FlywayFileName(MigrationKind kind, FlywayVersion version, String description, String reason) {
    private static final String SEPARATOR = "__";
    private static final String SUFFIX = ".sql";

    static FlywayFileName parse(String name) {
        if (!name.endsWith(SUFFIX)) {
            return skip("not a .sql file");
        }
        MigrationKind kind;
        if (name.startsWith("V")) {
            kind = MigrationKind.VERSIONED;
        } else if (name.startsWith("R")) {
            kind = MigrationKind.REPEATABLE;
        } else if (name.startsWith("B")) {
            kind = MigrationKind.BASELINE;
        } else if (name.startsWith("U")) {
            return skip("an undo migration (Flyway Teams only)");
        } else {
            return skip("name does not start with V, R or B");
        }
        String middle = name.substring(1, name.length() - SUFFIX.length());
        int sep = middle.indexOf(SEPARATOR);
        if (sep < 0) {
            return skip("no \"__\" between version and description");
        }
        String versionPart = middle.substring(0, sep);
        String description = middle.substring(sep + SEPARATOR.length()).replace('_', ' ');
        if (kind == MigrationKind.REPEATABLE) {
            return versionPart.isEmpty()
                    ? new FlywayFileName(kind, null, description, null)
                    : skip("a repeatable migration may not carry a version");
        }
        FlywayVersion version = FlywayVersion.parse(versionPart);
        if (version == null) {
            return skip("version \"" + versionPart + "\" is not digits separated by '.' or '_'");
        }
        return new FlywayFileName(kind, version, description, null);
    }

    private static FlywayFileName skip(String reason) {
        return new FlywayFileName(null, null, null, reason);
    }

    boolean isMigration() {
        return kind != null;
    }
}
