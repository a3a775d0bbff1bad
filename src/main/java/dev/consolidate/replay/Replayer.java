package dev.consolidate.replay;

import dev.consolidate.history.Migration;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.scratch.ScratchServer;
import dev.consolidate.sql.SqlSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays a migration history into a scratch database: the environment first, then every file in
 * the tool's order over one session, each file in its own transaction unless its content or its
 * tool says otherwise. Two verbs, so that whatever can be refused is refused before a database
 * exists: {@link #prepare} reads and checks, {@link #replay} writes.
 */
public final class Replayer {
    private final MigrationPreparer preparer;
    private final EnvironmentSetup environment;
    private final MigrationApplier applier;
    private final Clock clock;

    public Replayer(SqlSplitter splitter, Clock clock) {
        this.preparer = new MigrationPreparer(splitter);
        this.environment = new EnvironmentSetup(splitter, clock);
        this.applier = new MigrationApplier(clock);
        this.clock = clock;
    }

    /**
     * Splits every file and the bootstrap, and checks that the server can install every extension
     * they create. Touches no database.
     *
     * @throws Problem usage for a file the splitter refuses or an unreadable bootstrap; precondition
     *                 naming each extension the server lacks, with the file and line that creates it
     */
    public PreparedHistory prepare(List<Migration> migrations, EnvironmentSpec spec, ScratchServer server) {
        List<PreparedMigration> files = new ArrayList<>(migrations.size());
        for (Migration m : migrations) {
            files.add(preparer.prepare(m));
        }
        Optional<PreparedMigration> bootstrap = spec.bootstrap().map(b -> preparer.prepareBootstrap(b, spec.bootstrapLabel()));
        List<PreparedMigration> all = new ArrayList<>(files);
        bootstrap.ifPresent(all::add);
        ExtensionCheck.require(all, spec.profile(), server.availableExtensions(), server.description());
        return new PreparedHistory(files, bootstrap);
    }

    /**
     * Builds the environment in {@code db} (fresh, from template0), then applies every migration.
     * The caller owns {@code db}: it drops it on failure or when done.
     *
     * @throws Problem (step failed, exit 5) pointing at the file, line and column of the statement
     *                 the server rejected
     */
    public ReplayResult replay(ScratchDatabase db, EnvironmentSpec spec, PreparedHistory history, ReplayListener listener) {
        Instant start = clock.instant();
        Environment env = environment.apply(db, spec, history.bootstrap());
        Duration environmentDuration = Duration.between(start, clock.instant());
        List<FileResult> results = new ArrayList<>(history.migrations().size());
        int total = history.migrations().size();
        try (Connection session = environment.openSession(db, spec)) {
            for (PreparedMigration file : history.migrations()) {
                int number = results.size() + 1;
                listener.fileStarted(number, total, file.migration());
                FileResult result;
                try {
                    result = applier.apply(session, file);
                } catch (StatementFailure f) {
                    throw ReplayFailure.problem("Replay", f, number, total, warnings(results),
                            "production untouched; only the scratch database " + db.name() + " was written ("
                                    + (number - 1) + " of " + total + " migrations applied before this one), and it is"
                                    + " dropped on cleanup; nothing to roll back.");
                }
                results.add(result);
                listener.fileFinished(number, total, result);
            }
            return new ReplayResult(db.name(), db.server().version(), env, environmentDuration, results,
                    Duration.between(start, clock.instant()));
        } catch (SQLException e) {
            throw Problem.stepFailed("The replay session to scratch database " + db.name() + " failed: " + e.getMessage())
                    .why("the scratch server stopped answering or refused the session.")
                    .fix("Run the command again; if it repeats, check the scratch server.")
                    .state("production untouched; only the scratch database was written, and it is dropped on cleanup.")
                    .build();
        }
    }

    /**
     * What earlier files raised themselves (RAISE NOTICE / WARNING without a condition, the usual
     * body of an EXCEPTION WHEN OTHERS block) and every server WARNING: where a swallowed error
     * shows, unlike the routine "already exists, skipping" notices.
     */
    private static List<String> warnings(List<FileResult> results) {
        List<String> out = new ArrayList<>();
        for (FileResult r : results) {
            r.notices().stream()
                    .filter(n -> "WARNING".equals(n.severity()) || "00000".equals(n.sqlState()) || "01000".equals(n.sqlState()))
                    .forEach(n -> out.add(r.path() + " line " + n.line() + ": " + n.severity() + ": " + n.message()));
        }
        return out;
    }
}
