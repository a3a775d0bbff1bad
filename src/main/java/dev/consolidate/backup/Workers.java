package dev.consolidate.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs jobs over a list of items on a fixed number of database sessions, each in its own thread.
 * Items are taken in list order (callers put the largest first). The first failure stops the
 * others at once: their sessions are aborted, which cancels a COPY in flight instead of waiting
 * for it to finish a large table.
 */
final class Workers {

    @FunctionalInterface
    interface Setup {
        void prepare(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface Job<T> {
        void run(Connection connection, T item) throws Exception;
    }

    private Workers() {
    }

    static <T> void run(String name, int count, Connector connector, Setup setup, List<T> items, Job<T> job) {
        if (items.isEmpty()) {
            return;
        }
        int threads = Math.max(1, Math.min(count, items.size()));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Connection> open = new ArrayList<>();
        List<Thread> started = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Thread t = new Thread(() -> {
                Connection c = null;
                try {
                    c = connector.connect();
                    synchronized (open) {
                        if (failure.get() != null) {
                            return;
                        }
                        open.add(c);
                    }
                    setup.prepare(c);
                    int i;
                    while (failure.get() == null && (i = next.getAndIncrement()) < items.size()) {
                        job.run(c, items.get(i));
                    }
                } catch (Throwable e) {
                    if (failure.compareAndSet(null, e)) {
                        abortAll(open, c);
                    }
                } finally {
                    closeQuietly(c);
                }
            }, name + "-" + (w + 1));
            t.setDaemon(true);
            started.add(t);
            t.start();
        }
        boolean interrupted = false;
        for (Thread t : started) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    failure.compareAndSet(null, e);
                    abortAll(open, null);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new WorkerFailure(f);
        }
    }

    private static void abortAll(List<Connection> open, Connection except) {
        List<Connection> copy;
        synchronized (open) {
            copy = new ArrayList<>(open);
        }
        for (Connection c : copy) {
            if (c != except) {
                try {
                    c.abort(Runnable::run);
                } catch (SQLException | RuntimeException ignored) {
                    // the session is being torn down because of an earlier failure, which is the one reported
                }
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing after the work is done or failed; nothing depends on it
            }
        }
    }

    /** A checked exception out of a job, carried to the caller's thread. */
    static final class WorkerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkerFailure(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
