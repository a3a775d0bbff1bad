package dev.consolidate.steps;

import java.util.Map;
import java.util.Optional;

/**
 * A step's durable memory. Every {@link #record} is on disk before it returns, so a step writes
 * what it is about to create before creating it, and its undo (or a resumed run) finds half-made
 * work after a crash. Values are strings (JSON where structured).
 */
public interface Journal {
    /** Records and persists at once. */
    void record(String key, String value);

    Optional<String> get(String key);

    /** Removes and persists at once. */
    void forget(String key);

    /** Everything recorded, sorted by key. */
    Map<String, String> entries();
}
