package dev.consolidate.carry;

/**
 * What becomes of one data statement of the history.
 *
 * @param path    its file, relative to the project root
 * @param line    its first line
 * @param carried true when it goes into the data file beside the baseline
 * @param reason  why it is reported instead (never its text); null when carried
 */
public record CarryDecision(String path, int line, boolean carried, String reason) {
}
