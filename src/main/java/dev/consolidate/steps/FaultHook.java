package dev.consolidate.steps;

import java.util.Map;

/**
 * A crash on purpose, for the tests that prove --resume and --rollback: when the environment
 * variable CONSOLIDATE_FAULT names a point the run reaches, the JVM halts at once, like SIGKILL
 * (no shutdown hooks, no cleanup). {@code <point>=enospc} instead fails the write in progress at
 * that point as a full disk does ({@link NoSpace}). Unset in normal use, it costs a string
 * comparison.
 */
public final class FaultHook {
    public static final String VARIABLE = "CONSOLIDATE_FAULT";
    /** The exit status a SIGKILLed process reports (128 + 9). */
    public static final int HALT_STATUS = 137;
    /** Appended to a point: fail with "No space left on device" instead of halting. */
    public static final String NO_SPACE = "=enospc";

    /** The failure a full disk gives a write, injected at a fault point. */
    public static final class NoSpace extends java.io.UncheckedIOException {
        NoSpace(String point) {
            super(new java.io.IOException("No space left on device (injected at " + point + ")"));
        }
    }

    private final String armed;

    public FaultHook(String armed) {
        this.armed = armed == null || armed.isBlank() ? null : armed.trim();
    }

    public static FaultHook fromEnvironment(Map<String, String> env) {
        return new FaultHook(env.get(VARIABLE));
    }

    public static FaultHook disarmed() {
        return new FaultHook(null);
    }

    /** Halts when {@code point} ("step:detail", e.g. "archive:moved:3") is the armed one. */
    public void reach(String point) {
        if (armed != null && armed.equals(point + NO_SPACE)) {
            throw new NoSpace(point);
        }
        if (armed != null && armed.equals(point)) {
            System.err.println("consolidate: fault injected at " + point + " (" + VARIABLE + "); halting");
            System.err.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
