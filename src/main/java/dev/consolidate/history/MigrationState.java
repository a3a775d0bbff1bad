package dev.consolidate.history;

/** Where a migration stands between the folder and the history table. */
public enum MigrationState {
    /** File and row agree. */
    APPLIED,
    /** A file the table has no row for: the tool would run it. */
    PENDING,
    /** A row without a file: production ran something the folder no longer holds. */
    MISSING_LOCALLY,
    /** File and row disagree on the checksum (or Flyway's description): the file was edited after it ran. */
    CHANGED,
    /** The row records a failed or unfinished run (Prisma unfinished, Flyway success=false, golang-migrate dirty). */
    FAILED,
    /** The tool keeps no history (plain folder): nothing says whether it ran. */
    NOT_TRACKED
}
