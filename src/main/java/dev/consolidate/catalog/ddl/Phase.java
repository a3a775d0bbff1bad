package dev.consolidate.catalog.ddl;

/**
 * Before or after the rows: what a restore needs in place to load data (pre-data), and what is
 * cheaper or only possible once the data is in (post-data: constraints, indexes, triggers,
 * policies, ...).
 */
public enum Phase {
    PRE_DATA,
    POST_DATA
}
