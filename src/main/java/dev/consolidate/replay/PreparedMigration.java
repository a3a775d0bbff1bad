package dev.consolidate.replay;

import dev.consolidate.history.Migration;
import dev.consolidate.sql.SourceText;
import dev.consolidate.sql.Statement;
import java.util.List;

/**
 * A migration cut into the statements the server will receive, with the way it will be wrapped.
 *
 * @param migration  the tool's view of the file
 * @param source     the executed text with its place in the file (dbmate's up section starts below
 *                   its marker), for mapping server positions back to file lines
 * @param statements in file order; empty for a skipped file
 * @param mode       how the statements are wrapped in transactions
 */
public record PreparedMigration(Migration migration, SourceText source, List<Statement> statements, FileMode mode) {
    public PreparedMigration {
        statements = List.copyOf(statements);
    }
}
