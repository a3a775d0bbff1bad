package dev.consolidate.catalog.parity;

import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.Environment;
import dev.consolidate.replay.EnvironmentSetup;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.scratch.ScratchServer;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Builds an environment alone in a throw-away scratch database and snapshots it: the catalog a
 * history starts from. The same spec rebuilds the same environment, so this snapshot stands for
 * the state of the replay database before its first migration.
 */
public final class EnvironmentCapture {
    private final EnvironmentSetup setup;
    private final CatalogReader reader;

    public EnvironmentCapture(EnvironmentSetup setup, CatalogReader reader) {
        this.setup = setup;
        this.reader = reader;
    }

    public CapturedEnvironment capture(ScratchServer server, EnvironmentSpec spec) {
        try (ScratchDatabase db = server.create("environment")) {
            Environment env = setup.apply(db, spec);
            try (Connection c = db.connect()) {
                Snapshot snapshot = reader.read(c);
                return new CapturedEnvironment(env, snapshot);
            }
        } catch (SQLException e) {
            throw Problem.stepFailed("Could not read the environment's catalog in a scratch database: " + e.getMessage())
                    .why("The scratch server stopped answering or refused the session.")
                    .fix("Run the command again; if it repeats, check the scratch server.")
                    .state("Only a scratch database was written; it is dropped.")
                    .cause(e)
                    .build();
        }
    }
}
