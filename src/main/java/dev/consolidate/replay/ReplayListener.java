package dev.consolidate.replay;

import dev.consolidate.history.Migration;

/** Progress of a replay, for the command line (file n of N). Called on the replaying thread. */
public interface ReplayListener {
    ReplayListener NONE = new ReplayListener() {
    };

    /** {@code number} is 1-based. */
    default void fileStarted(int number, int total, Migration migration) {
    }

    default void fileFinished(int number, int total, FileResult result) {
    }
}
