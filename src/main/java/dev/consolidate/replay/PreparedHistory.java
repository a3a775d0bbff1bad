package dev.consolidate.replay;

import java.util.List;
import java.util.Optional;

/**
 * A history checked and cut into statements, ready to replay: nothing has touched a database yet.
 *
 * @param migrations the migrations in the tool's order
 * @param bootstrap  the bootstrap file, when the environment has one
 */
public record PreparedHistory(List<PreparedMigration> migrations, Optional<PreparedMigration> bootstrap) {
    public PreparedHistory {
        migrations = List.copyOf(migrations);
    }

    public int statements() {
        return migrations.stream().mapToInt(m -> m.statements().size()).sum();
    }
}
