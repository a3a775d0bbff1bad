package dev.consolidate.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows written during the backup do not leak into it: every table is read in the same snapshot. */
class BackupConsistencyTest {
    private static final int WRITES_BETWEEN_TABLES = 40;

    @TempDir
    Path dir;

    @Test
    void aWriterDuringTheBackupBreaksNoInvariantOfTheRestoredDatabase() throws Exception {
        EmbeddedScratchServer server = Fixtures.server();
        try (ScratchDatabase source = Fixtures.database(server, "backup_under_load", "shop.sql");
             ScratchDatabase target = server.create("backup_under_load_restored")) {
            AtomicBoolean stop = new AtomicBoolean();
            Semaphore commits = new Semaphore(0);
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> write(source, stop, commits, writerFailure), "shop-writer");
            writer.start();
            BackupResult result;
            try {
                // After the first table, hold the backup until the writer has committed more orders:
                // tables read after that would show them if they were not read in the first one's snapshot.
                ProgressListener waitForWrites = new ProgressListener() {
                    @Override
                    public void tableDone(int done, int total, TableName table, long rows, long bytes) {
                        if (done == 1) {
                            commits.drainPermits();
                            try {
                                assertTrue(commits.tryAcquire(WRITES_BETWEEN_TABLES, 60, TimeUnit.SECONDS),
                                        "the writer did not make progress: " + writerFailure.get());
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                };
                result = new BackupWriter(source::connect, Fixtures.catalogSource(server), server,
                        Fixtures.CLOCK, waitForWrites).write(BackupRequest.full(dir.resolve("backup")).withWorkers(1));
            } finally {
                stop.set(true);
                writer.join();
            }
            assertEquals(null, writerFailure.get());

            RestoreResult restored = new BackupRestorer(ProgressListener.NONE).restore(dir.resolve("backup"), target::connect, 2);
            assertEquals(result.manifest().contents().tables().size(), restored.tables());
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                long orders = single(s, "SELECT count(*) FROM shop.orders");
                assertEquals(orders, single(s, "SELECT n FROM shop.counters WHERE name = 'orders'"));
                assertEquals(2 * orders, single(s, "SELECT count(*) FROM shop.order_lines"));
                assertEquals(0, single(s, "SELECT count(*) FROM shop.orders o WHERE o.total <> "
                        + "(SELECT sum(quantity * price) FROM shop.order_lines l WHERE l.order_id = o.id)"));
                assertEquals(1, single(s, "SELECT count(*) FROM pg_constraint WHERE conname = 'order_lines_order_id_fkey'"),
                        "the foreign key was rebuilt over the restored rows");
                long orderCount = result.manifest().contents().tables().stream()
                        .filter(t -> t.name().equals("orders")).findFirst().orElseThrow().rows();
                assertEquals(orderCount, orders, "the manifest agrees with the restored database");
                try (Connection sc = source.connect(); Statement ss = sc.createStatement()) {
                    assertTrue(single(ss, "SELECT n FROM shop.counters WHERE name = 'orders'") >= orders + WRITES_BETWEEN_TABLES,
                            "orders written during the backup are not in it");
                }
            }
        }
    }

    private static void write(ScratchDatabase db, AtomicBoolean stop, Semaphore commits, AtomicReference<Throwable> failure) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement order = c.prepareStatement(
                    "INSERT INTO shop.orders (customer) VALUES ('load') RETURNING id");
                 PreparedStatement line = c.prepareStatement(
                         "INSERT INTO shop.order_lines (order_id, sku, quantity, price) VALUES (?, ?, ?, 2.50)");
                 PreparedStatement total = c.prepareStatement(
                         "UPDATE shop.orders SET total = (SELECT sum(quantity * price) FROM shop.order_lines WHERE order_id = ?) WHERE id = ?");
                 PreparedStatement note = c.prepareStatement("UPDATE shop.notes SET body = body || 'x' WHERE id = ?");
                 Statement s = c.createStatement()) {
                long i = 0;
                while (!stop.get()) {
                    long id;
                    try (ResultSet rs = order.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    for (int k = 1; k <= 2; k++) {
                        line.setLong(1, id);
                        line.setString(2, "load-" + id + "-" + k);
                        line.setInt(3, k);
                        line.executeUpdate();
                    }
                    total.setLong(1, id);
                    total.setLong(2, id);
                    total.executeUpdate();
                    s.executeUpdate("UPDATE shop.counters SET n = n + 1 WHERE name = 'orders'");
                    note.setLong(1, 1 + (i++ % 3000));
                    note.executeUpdate();
                    c.commit();
                    commits.release();
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure.set(e);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
