package dev.consolidate.replay;

/** How a file's statements are wrapped when it is replayed, and why. */
public enum FileMode {
    /** The default of every tool: the whole file commits or nothing does. */
    TRANSACTION("in one transaction"),
    /** The tool records the file but executes nothing of it (a "postgres-migrations ignore" marker). */
    SKIPPED("skipped: the tool records it but executes nothing"),
    /** The tool's own marker says so (dbmate transaction:false, a disable-transaction marker). */
    NO_TRANSACTION_MARKER("statement by statement: the tool's marker turns its transaction off"),
    /** A statement cannot run inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM...). */
    NO_TRANSACTION_STATEMENT("statement by statement: a statement cannot run inside a transaction block"),
    /** The file writes its own BEGIN / COMMIT. */
    OWN_TRANSACTIONS("statement by statement: the file controls its own transactions");

    private final String description;

    FileMode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
