package dev.consolidate.check;

import dev.consolidate.problem.ExitCode;

/** The outcome of a check, and the exit code CI reads. */
public enum Verdict {
    /** Both sides build the same catalog and every migration replayed. */
    EQUAL("equal", ExitCode.SUCCESS),
    /** Differences were found, or a migration does not replay. */
    DRIFT("drift", ExitCode.DRIFT),
    /** Only the history was replayed (a verify script emitted without anything to compare with). */
    NOT_COMPARED("not compared", ExitCode.SUCCESS);

    private final String word;
    private final ExitCode exitCode;

    Verdict(String word, ExitCode exitCode) {
        this.word = word;
        this.exitCode = exitCode;
    }

    public String word() {
        return word;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
