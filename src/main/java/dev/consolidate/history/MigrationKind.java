package dev.consolidate.history;

/** Flyway distinguishes all three; the other tools only have versioned migrations. */
public enum MigrationKind {
    VERSIONED,
    REPEATABLE,
    BASELINE
}
