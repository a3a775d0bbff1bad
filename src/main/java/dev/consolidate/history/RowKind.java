package dev.consolidate.history;

/** What a history row stands for, in its tool's own terms. */
public enum RowKind {
    /** A migration the tool ran (successfully or not: see {@link HistoryRow#success()}). */
    MIGRATION,
    /** Prisma: a row marked rolled back; the tool ignores it. */
    ROLLED_BACK,
    /** Flyway: a DELETE row written by repair, marking an earlier row as deleted. */
    DELETE_MARKER,
    /** Flyway: a BASELINE (or INIT) row: versions up to it count as applied. */
    BASELINE_MARKER,
    /** Flyway: the SCHEMA row recording the schemas Flyway created. */
    SCHEMA_MARKER
}
