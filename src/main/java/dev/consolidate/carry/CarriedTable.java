package dev.consolidate.carry;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The rows of one table the carried statements insert into, as a database holds them: counted
 * and hashed, never kept as values (they may hold secrets).
 *
 * @param table     the table as the statements name it (resolved with the migrations' search_path)
 * @param relation  what it resolved to (schema-qualified), or null when it does not exist
 * @param complete  true when every data statement of the history into this table is carried, so
 *                  the rows must be equal; false when some are reported, so the carried rows need
 *                  only be among the history's
 * @param columns   the columns compared: all but those filled by a default that is not a constant
 *                  (a clock, a sequence, a random id) where a carried INSERT leaves them out
 * @param rowHashes SHA-256 of each row's compared values (as a JSON array), sorted
 */
@JsonPropertyOrder({"table", "relation", "complete", "columns", "rowHashes"})
public record CarriedTable(String table, String relation, boolean complete, List<String> columns, List<String> rowHashes) {
    public CarriedTable {
        columns = List.copyOf(columns);
        rowHashes = List.copyOf(rowHashes);
    }
}
