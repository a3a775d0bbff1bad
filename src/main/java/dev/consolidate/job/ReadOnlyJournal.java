package dev.consolidate.job;

import dev.consolidate.steps.Journal;
import java.util.Map;
import java.util.Optional;

/** Another step's journal, as its last execution left it; reading only. */
final class ReadOnlyJournal implements Journal {
    private final Map<String, String> entries;

    ReadOnlyJournal(Map<String, String> entries) {
        this.entries = Map.copyOf(entries);
    }

    static ReadOnlyJournal empty() {
        return new ReadOnlyJournal(Map.of());
    }

    @Override
    public void record(String key, String value) {
        throw new UnsupportedOperationException("another step's journal is read-only");
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void forget(String key) {
        throw new UnsupportedOperationException("another step's journal is read-only");
    }

    @Override
    public Map<String, String> entries() {
        return new java.util.TreeMap<>(entries);
    }
}
