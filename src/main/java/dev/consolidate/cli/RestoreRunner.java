package dev.consolidate.cli;

import dev.consolidate.backup.BackupRequest;
import dev.consolidate.backup.BackupRestorer;
import dev.consolidate.backup.ProgressListener;
import dev.consolidate.backup.RestoreResult;
import dev.consolidate.backup.TableName;
import dev.consolidate.db.ConnectionResolver;
import dev.consolidate.db.ConnectionSpec;
import dev.consolidate.db.Production;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.settings.Settings;
import java.util.Locale;

/**
 * --restore BACKUP --db-url URL: the disaster-recovery path of the rollback runbook. Restores a
 * backup the execute job made into an empty database (refusing any other) and checks every
 * table's row count and content hash, and every sequence, against the backup's manifest.
 */
final class RestoreRunner implements ModeRunner {
    private final ConnectionResolver resolver;

    RestoreRunner(ConnectionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public ExitCode run(Settings s, Console console) {
        ConnectionSpec target = resolver.resolve(s.dbUrl()).orElseThrow(() -> Problem.usage("--restore needs the database to restore into.")
                .why("A backup is restored into an empty database you name; the tool never guesses it.")
                .fix("Create an empty database and pass it: --db-url postgresql://USER@HOST:5432/restored_copy")
                .state("Nothing was changed.")
                .build());
        Production db = new Production(target);
        boolean quiet = s.json() || !console.interactive();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void phase(Phase phase) {
                if (!s.json()) {
                    console.err().println("restore: " + phase.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                }
            }

            @Override
            public void tableDone(int done, int total, TableName table, long rows, long bytes) {
                if (!quiet) {
                    console.err().print("\r" + String.format("%-100s", "table " + done + "/" + total + " " + table + " (" + rows + " rows)"));
                    console.err().flush();
                }
            }

            @Override
            public void warning(String message) {
                console.err().println("note: " + message);
            }
        };
        RestoreResult r = new BackupRestorer(progress).restore(s.restoreBackup(), db::openForWriting,
                BackupRequest.defaultWorkers());
        if (!quiet) {
            console.err().println();
        }
        console.line("Restored into " + target.redacted() + ": " + r.tables() + " tables, " + r.rows() + " rows, "
                + r.sequences() + " sequences" + (r.historyRows() == 0 ? "" : ", " + r.historyRows() + " history rows")
                + "; every count and content hash matches the backup's manifest.");
        return ExitCode.SUCCESS;
    }
}
