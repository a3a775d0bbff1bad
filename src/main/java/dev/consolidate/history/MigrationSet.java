package dev.consolidate.history;

import java.util.List;
import java.util.Optional;

/**
 * The migrations of one folder, in the order the tool applies them.
 *
 * @param tool       the tool whose rules found them
 * @param folder     the migrations folder, relative to the project root ('/'-separated; "" for the root)
 * @param migrations in application order
 * @param ignored    files in the folder the tool skips, sorted by path
 */
public record MigrationSet(Tool tool, String folder, List<Migration> migrations, List<IgnoredFile> ignored) {
    public MigrationSet {
        migrations = List.copyOf(migrations);
        ignored = List.copyOf(ignored);
    }

    public boolean isEmpty() {
        return migrations.isEmpty();
    }

    /** The migration the tool records under {@code version}, if any (first match). */
    public Optional<Migration> byVersion(String version) {
        return migrations.stream().filter(m -> version.equals(m.version())).findFirst();
    }
}
