package dev.consolidate.backup;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.consolidate.problem.Problem;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;

/**
 * Copies one table out of the snapshot into a compressed spool file, measuring the stream on the
 * way: COPY ... TO STDOUT (text) → digest tee → buffer → zstd → file. Nothing holds more than a
 * buffer's worth of the table.
 */
final class TableExporter {
    private final FileSink files;
    private final int level;
    private final LongConsumer progress;

    TableExporter(FileSink files, int level, LongConsumer progress) {
        this.files = files;
        this.level = level;
        this.progress = progress;
    }

    CopyDigest export(Connection c, TablePlan table, Path spoolFile) throws SQLException, IOException {
        CopyStreamDigest digest;
        long rows;
        try (OutputStream file = files.create(spoolFile);
             ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(file, level)) {
            zstd.setChecksum(true);
            // The buffer batches pgjdbc's one-write-per-row into large native compression calls.
            digest = new CopyStreamDigest(CopyStreamDigest.Measure.BOTH, new BufferedOutputStream(zstd, 256 * 1024),
                    progress);
            try {
                rows = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY " + table.copyTarget() + " TO STDOUT", digest);
            } catch (SQLException e) {
                throw readFailed(table, e);
            }
            digest.flush();
        }
        CopyDigest d = digest.finish();
        if (d.rows() != rows) {
            throw new IllegalStateException("COPY of " + table.table() + " reported " + rows + " rows but its stream held "
                    + d.rows() + " lines");
        }
        return d;
    }

    private static Problem readFailed(TablePlan table, SQLException e) {
        String why = SqlErrors.describe(e);
        if (why.contains("row-level security")) {
            return Problem.precondition("The backup cannot read every row of " + table.table() + ": " + why + ".")
                    .why("Row-level security " + (table.forcedSecurity() ? "is forced on the table, so it applies to its owner too"
                            : "applies to the role the tool logs in with") + "; reading through the policies would copy "
                            + "only the rows they let through, and a backup must hold them all.")
                    .fix("Run the backup as a superuser or a role with BYPASSRLS (ALTER ROLE ... BYPASSRLS).")
                    .state("Production was only read; no backup was written.")
                    .cause(e)
                    .build();
        }
        return Problem.stepFailed("Reading the rows of " + table.table() + " failed: " + why + ".")
                .why("The server stopped the COPY of the table.")
                .fix("Check the server's log for the cause, then run the backup again.")
                .state("Production was only read; no backup was written.")
                .cause(e)
                .build();
    }
}
