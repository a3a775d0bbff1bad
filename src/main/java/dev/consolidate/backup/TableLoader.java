package dev.consolidate.backup;

import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads one table from its archive entry and checks it: the stream read must be the one the
 * manifest describes (else the archive is damaged), and the rows the database then hands back
 * ({@link ReadBack}) must hash to the manifest's content hash (else the restore lost or altered rows).
 */
final class TableLoader {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final ArchiveReader reader;
    private final LongConsumer progress;

    TableLoader(ArchiveReader reader, LongConsumer progress) {
        this.reader = reader;
        this.progress = progress;
    }

    /** Loads the table's rows in one transaction, refusing a stream that is not the manifest's. */
    void load(Connection c, BackupManifest.TableEntry t) throws SQLException, IOException {
        String target = target(t);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        c.setAutoCommit(false);
        try {
            // Truncating the new, empty table lets COPY write frozen rows: the check below and the
            // first reads after a restore then need not set hint bits on (and rewrite) every page.
            boolean freeze = truncate(c, t);
            CopyStreamDigest loaded = new CopyStreamDigest(CopyStreamDigest.Measure.STREAM, null, progress);
            try (InputStream in = new DigestingInputStream(reader.openTable(t.entry()), loaded)) {
                copy.copyIn("COPY " + target + " FROM STDIN" + (freeze ? " WITH (FREEZE)" : ""), in, 256 * 1024);
            } catch (IOException e) {
                c.rollback();
                throw damaged(t, ArchiveIntegrity.describe(e));
            }
            String diff = ArchiveIntegrity.difference(loaded.finish(), t.digest());
            if (diff != null) {
                c.rollback();
                throw damaged(t, diff);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            safeRollback(c);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Compares what the database handed back ({@link ReadBack}) with the manifest. */
    static void checkRestored(BackupManifest.TableEntry t, CopyDigest restored) {
        String diff = ArchiveIntegrity.difference(restored, t.digest());
        if (diff != null) {
            throw Problem.stepFailed("The restored table " + t.table() + " differs from the backup.")
                    .why("Read back from the database it has " + diff + ".")
                    .fix("Check that the target server's major version and settings can store every value "
                            + "of the source (extension types, encodings); then restore again into a new empty database.")
                    .state("The target database holds a partial restore; drop it before trying again.")
                    .build();
        }
    }

    private static boolean truncate(Connection c, BackupManifest.TableEntry t) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE ONLY " + t.table().sql());
            return true;
        } catch (SQLException e) {
            if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback();
            return false;
        }
    }

    static String target(BackupManifest.TableEntry t) {
        return new TablePlan(t.table(), t.columns(), 0, false, false).copyTarget();
    }

    private static Problem damaged(BackupManifest.TableEntry t, String reason) {
        return Problem.precondition("The backup archive is damaged: table " + t.table() + " (" + t.entry()
                        + ") does not match its manifest.")
                .why(reason + ".")
                .fix("Use another copy of this backup (or the pg_dump file beside it, if one was written).")
                .state("The table's load was rolled back; the target database holds a partial restore, drop it "
                        + "before trying again.")
                .build();
    }

    private static void safeRollback(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the session is broken; the original failure is the one to report
        }
    }
}
