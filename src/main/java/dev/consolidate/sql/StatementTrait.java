package dev.consolidate.sql;

/** What a statement does that matters beyond running it. */
public enum StatementTrait {
    /**
     * Changes rows (INSERT, UPDATE, DELETE, MERGE, TRUNCATE, COPY ... FROM, a WITH query that
     * does one of these): a schema baseline would drop it.
     */
    DATA_CHANGE,
    /**
     * Cannot run inside a transaction block (CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY,
     * VACUUM, CREATE/DROP DATABASE, CREATE/DROP TABLESPACE, ALTER SYSTEM, CLUSTER without a table,
     * DETACH PARTITION CONCURRENTLY, ...).
     */
    NO_TRANSACTION,
    /** BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / SAVEPOINT written in the file itself. */
    TRANSACTION_CONTROL,
    /** CREATE EXTENSION; {@link Statement#createExtension()} holds what it asks for. */
    CREATE_EXTENSION,
    /** Changes session state (SET, RESET, set_config(), DISCARD) that later statements rely on. */
    SESSION_SETTING
}
