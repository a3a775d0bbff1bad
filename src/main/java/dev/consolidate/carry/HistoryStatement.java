package dev.consolidate.carry;

import dev.consolidate.sql.Statement;
import java.util.Objects;

/**
 * One statement of the history where it stands: its file (relative to the project root) and the
 * statement as the splitter cut it (its line is the file's line).
 */
public record HistoryStatement(String path, Statement statement) {
    public HistoryStatement {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(statement, "statement");
    }

    public int line() {
        return statement.line();
    }

    /** "path:line", how reports name a statement (never by its text). */
    public String location() {
        return path + ":" + statement.line();
    }
}
