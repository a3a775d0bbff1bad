package dev.consolidate.drift;

import dev.consolidate.catalog.parity.CapturedEnvironment;
import dev.consolidate.catalog.parity.EnvironmentCapture;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.catalog.scope.Scope;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.replay.PreparedHistory;
import dev.consolidate.replay.ReplayListener;
import dev.consolidate.replay.ReplayResult;
import dev.consolidate.replay.Replayer;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.scratch.ScratchServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * What a history builds: its environment captured alone, then the history replayed on it in a
 * fresh scratch database and read back, scoped to the history's own objects. The scratch
 * databases are dropped before this returns; the scoped snapshot is what later steps compare.
 */
public final class ReplayedCatalog {
    private final Replayer replayer;
    private final EnvironmentCapture capture;
    private final CatalogReader reader;

    public ReplayedCatalog(Replayer replayer, EnvironmentCapture capture, CatalogReader reader) {
        this.replayer = replayer;
        this.capture = capture;
        this.reader = reader;
    }

    /**
     * @param replay the replay's result (timings, notices)
     * @param scope  the scope the history was read with; production is read with the same one
     * @param catalog the history's objects
     * @param fullSnapshot everything the replay database held, environment included (the scope
     *                     re-derives {@code catalog} from it)
     */
    public record Result(ReplayResult replay, Scope scope, ScopedSnapshot catalog, Snapshot fullSnapshot) {
    }

    /** What else is read from the replayed database before it is dropped (the rows carried data must rebuild). */
    @FunctionalInterface
    public interface Inspection {
        void inspect(ScratchDatabase replayed) throws SQLException;
    }

    /** {@code historyTables} ("schema.table") are the migration tools' own tables: never part of a catalog. */
    public Result build(ScratchServer server, EnvironmentSpec spec, PreparedHistory prepared, Collection<String> historyTables,
                        ReplayListener listener) {
        return build(server, spec, prepared, historyTables, listener, db -> { });
    }

    /** As {@link #build(ScratchServer, EnvironmentSpec, PreparedHistory, Collection, ReplayListener)}, then {@code inspection}. */
    public Result build(ScratchServer server, EnvironmentSpec spec, PreparedHistory prepared, Collection<String> historyTables,
                        ReplayListener listener, Inspection inspection) {
        CapturedEnvironment environment = capture.capture(server, spec);
        Scope scope = environment.scope().excludingTables(historyTables);
        try (ScratchDatabase db = server.create("replay")) {
            ReplayResult replay = replayer.replay(db, spec, prepared, listener);
            try (Connection c = db.connect()) {
                Snapshot full = reader.read(c);
                inspection.inspect(db);
                return new Result(replay, scope, scope.apply(full), full);
            }
        } catch (SQLException e) {
            throw Problem.stepFailed("Could not read the replayed catalog: " + e.getMessage())
                    .why("The scratch server stopped answering.")
                    .fix("Run the command again; if it repeats, check the scratch server.")
                    .state("Production untouched; only a scratch database was written, and it is dropped.")
                    .cause(e)
                    .build();
        }
    }
}
