package dev.consolidate.carry;

import dev.consolidate.problem.Problem;
import dev.consolidate.sql.Lexemes;
import dev.consolidate.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A carried INSERT's table and the columns it names.
 *
 * @param table   the table as written, quoted for SQL ("activities" becomes "\"activities\"")
 * @param columns the columns it names; empty when it has no column list (then it fills them all)
 */
public record CarriedInsert(String table, List<String> columns) {
    public CarriedInsert {
        columns = List.copyOf(columns);
    }

    /** The INSERT's table and columns, when the statement is one the rule carries. */
    public static Optional<CarriedInsert> of(Statement s) {
        InsertShape shape;
        try {
            shape = InsertShape.of(Lexemes.of(s.text()));
        } catch (Problem unreadable) {
            return Optional.empty();
        }
        if (!shape.carriable()) {
            return Optional.empty();
        }
        return Optional.of(new CarriedInsert(shape.target().sql(), shape.columns()));
    }

    boolean names(String column) {
        return columns.isEmpty() || columns.contains(column);
    }
}
