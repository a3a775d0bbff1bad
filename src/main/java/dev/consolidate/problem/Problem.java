package dev.consolidate.problem;

import java.util.Objects;

/**
 * A failure a user can act on: what happened, why, how to fix it, and the state it left.
 * Thrown anywhere below the command line; the command line prints it (no stack trace unless
 * --verbose) and exits with its code.
 */
public final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;
    private final String what;
    private final String why;
    private final String fix;
    private final String state;

    private Problem(Builder b) {
        super(b.what, b.cause);
        this.exitCode = Objects.requireNonNull(b.exitCode, "exitCode");
        this.what = Objects.requireNonNull(b.what, "what");
        this.why = b.why;
        this.fix = b.fix;
        this.state = b.state;
    }

    public static Builder usage(String what) {
        return new Builder(ExitCode.USAGE, what);
    }

    public static Builder precondition(String what) {
        return new Builder(ExitCode.PRECONDITION, what);
    }

    public static Builder drift(String what) {
        return new Builder(ExitCode.DRIFT, what);
    }

    public static Builder stepFailed(String what) {
        return new Builder(ExitCode.STEP_FAILED, what);
    }

    public static Builder manual(String what) {
        return new Builder(ExitCode.MANUAL, what);
    }

    public static Builder of(ExitCode code, String what) {
        return new Builder(code, what);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public String what() {
        return what;
    }

    /** May be null. */
    public String why() {
        return why;
    }

    /** May be null. */
    public String fix() {
        return fix;
    }

    /** May be null; when null the command line says nothing was changed only if it knows so. */
    public String state() {
        return state;
    }

    /** The same problem with its state line replaced (a caller knows better what was left). */
    public Problem withState(String newState) {
        Builder b = new Builder(exitCode, what).why(why).fix(fix).state(newState);
        b.cause = getCause();
        return b.build();
    }

    /** The four-part text printed to the user. */
    public String render() {
        StringBuilder sb = new StringBuilder(what);
        if (why != null) {
            sb.append("\nWhy: ").append(why);
        }
        if (fix != null) {
            sb.append("\nFix: ").append(fix);
        }
        if (state != null) {
            sb.append("\nState: ").append(state);
        }
        return sb.toString();
    }

    public static final class Builder {
        private final ExitCode exitCode;
        private final String what;
        private String why;
        private String fix;
        private String state;
        private Throwable cause;

        private Builder(ExitCode exitCode, String what) {
            this.exitCode = exitCode;
            this.what = what;
        }

        public Builder why(String why) {
            this.why = why;
            return this;
        }

        public Builder fix(String fix) {
            this.fix = fix;
            return this;
        }

        public Builder state(String state) {
            this.state = state;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public Problem build() {
            return new Problem(this);
        }
    }
}
