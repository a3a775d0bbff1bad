package dev.consolidate.sql;

/** What a statement does that matters beyond running it. */
public enum StatementTrait {
    /** Changes rows (INSERT, UPDATE, DELETE, MERGE, COPY ... FROM, TRUNCATE): a schema baseline would drop it. */
    DATA_CHANGE,
    /** Cannot run inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, CREATE DATABASE, ...). */
    NO_TRANSACTION,
    /** BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / SAVEPOINT written in the file itself. */
    TRANSACTION_CONTROL,
    /** CREATE EXTENSION; {@link Statement#extension()} names it. */
    CREATE_EXTENSION,
    /** Changes session state (SET, RESET, SET search_path, SET ROLE) that later statements rely on. */
    SESSION_SETTING
}
