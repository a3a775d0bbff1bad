package dev.consolidate.backup;

/**
 * What a restore did, every figure checked against the manifest.
 *
 * @param database      the target database (current_database())
 * @param tables        tables loaded and compared
 * @param rows          rows loaded and compared
 * @param sequences     sequence positions set and compared
 * @param historyRows   history rows inserted from history/rows.json (0 when the history table's
 *                      rows came with the data, or the table is not part of the backup)
 */
public record RestoreResult(String database, int tables, long rows, int sequences, int historyRows) {
}
