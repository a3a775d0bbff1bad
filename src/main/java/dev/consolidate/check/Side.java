package dev.consolidate.check;

/**
 * One side of a comparison as reports name it.
 *
 * @param label       short name used in every difference ("only in {label}")
 * @param description what was read and how, without timings or absolute paths
 */
public record Side(String label, String description) {
}
