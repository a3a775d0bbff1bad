package dev.consolidate.catalog.diff;

/**
 * One field that differs: its path in the description ("using", "columns[email].default",
 * "columns (order)"), and both values as JSON text, null where the field is absent.
 */
public record FieldDifference(String path, String expected, String actual) {
}
