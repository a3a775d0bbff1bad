package dev.consolidate.steps;

import java.util.Locale;

/** The protocol's steps after the plan, in execution order (protocol.md, steps 1 to 8). */
public enum StepName {
    PREFLIGHT,
    BACKUP,
    REPLAY,
    BASELINE,
    PARITY,
    ARCHIVE,
    HISTORY,
    REPORT;

    /** The name used on the command line (--rollback --to archive) and in files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepName fromId(String id) {
        for (StepName s : values()) {
            if (s.id().equals(id.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
