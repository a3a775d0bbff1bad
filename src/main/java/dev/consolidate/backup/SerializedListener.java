package dev.consolidate.backup;

import java.util.concurrent.atomic.AtomicLong;

/** Funnels worker threads' reports into one listener, one call at a time, and keeps the running totals. */
final class SerializedListener implements ProgressListener {
    private final ProgressListener target;
    private final AtomicLong bytesInPhase = new AtomicLong();
    private int tablesDone;

    SerializedListener(ProgressListener target) {
        this.target = target;
    }

    static SerializedListener of(ProgressListener listener) {
        return listener instanceof SerializedListener s ? s : new SerializedListener(listener);
    }

    @Override
    public synchronized void phase(Phase phase) {
        bytesInPhase.set(0);
        tablesDone = 0;
        target.phase(phase);
    }

    /** Counts one more finished table and reports it with its position. */
    synchronized void tableFinished(int total, TableName table, long rows, long bytes) {
        tablesDone++;
        target.tableDone(tablesDone, total, table, rows, bytes);
    }

    @Override
    public synchronized void tableDone(int done, int total, TableName table, long rows, long bytes) {
        target.tableDone(done, total, table, rows, bytes);
    }

    /** Adds a worker's bytes since its last report. */
    void addBytes(long delta) {
        long now = bytesInPhase.addAndGet(delta);
        synchronized (this) {
            target.bytesCopied(now);
        }
    }

    @Override
    public synchronized void bytesCopied(long total) {
        target.bytesCopied(total);
    }

    @Override
    public synchronized void warning(String message) {
        target.warning(message);
    }
}
