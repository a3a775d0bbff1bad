package dev.consolidate.problem;

/** The one exit-code table of the protocol; `--help` and README print it from here. */
public enum ExitCode {
    SUCCESS(0, "success"),
    INTERNAL(1, "internal error (a bug: please report it with the --verbose output)"),
    USAGE(2, "usage or configuration error"),
    PRECONDITION(3, "precondition failed (stale plan, pending migrations, lock held)"),
    DRIFT(4, "parity or drift found"),
    STEP_FAILED(5, "a step failed and can be resumed (--resume) or rolled back (--rollback)"),
    MANUAL(6, "manual intervention needed (an undo could not complete)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The table as it appears in `--help` and README. */
    public static String table() {
        StringBuilder sb = new StringBuilder();
        for (ExitCode e : values()) {
            sb.append(String.format("  %d  %s%n", e.code, e.meaning));
        }
        return sb.toString();
    }
}
