package dev.consolidate.archive;

import dev.consolidate.steps.Journal;
import dev.consolidate.steps.StepContext;
import dev.consolidate.steps.StepName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A step context in memory, for driving a step call by call without the job machinery (the crash
 * tests use the real one). Forward: its journal is the step's journal; undo: {@link #undoOf}.
 */
public final class MemoryContext implements StepContext {
    private final MemoryJournal journal;
    private final Map<StepName, MemoryJournal> forward;
    private final List<String> progress = new ArrayList<>();

    private MemoryContext(MemoryJournal journal, Map<StepName, MemoryJournal> forward) {
        this.journal = journal;
        this.forward = forward;
    }

    /** The forward run of {@code step}: its own journal is also what journalOf(step) reads. */
    public static MemoryContext forward(StepName step) {
        MemoryJournal j = new MemoryJournal();
        Map<StepName, MemoryJournal> m = new TreeMap<>();
        m.put(step, j);
        return new MemoryContext(j, m);
    }

    /** An undo of what {@code forwardRun} did, with a fresh journal of its own. */
    public static MemoryContext undoOf(MemoryContext forwardRun) {
        return new MemoryContext(new MemoryJournal(), forwardRun.forward);
    }

    /** The same undo again, keeping its journal (a second --rollback after a refusal). */
    public MemoryContext again() {
        return new MemoryContext(journal, forward);
    }

    @Override
    public Journal journal() {
        return journal;
    }

    @Override
    public Journal journalOf(StepName step) {
        MemoryJournal j = forward.get(step);
        return j == null ? new MemoryJournal() : j;
    }

    @Override
    public void faultPoint(String point) {
    }

    @Override
    public void progress(String detail) {
        progress.add(detail);
    }

    public List<String> progressLines() {
        return List.copyOf(progress);
    }

    public static final class MemoryJournal implements Journal {
        private final Map<String, String> entries = new TreeMap<>();

        @Override
        public void record(String key, String value) {
            entries.put(key, value);
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void forget(String key) {
            entries.remove(key);
        }

        @Override
        public Map<String, String> entries() {
            return new TreeMap<>(entries);
        }
    }
}
