package dev.consolidate.history;

/**
 * A history row changed in place (Flyway's repair realigns a row's description and checksum).
 *
 * @param before the row as stored before, row JSON (undo puts it back)
 * @param set    a JSON object holding the key column and the columns given new values
 */
public record RowUpdate(String before, String set) {
}
