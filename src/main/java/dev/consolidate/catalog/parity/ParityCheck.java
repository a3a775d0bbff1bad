package dev.consolidate.catalog.parity;

import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.diff.Differ;
import dev.consolidate.catalog.diff.SnapshotDiff;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.EnvironmentSetup;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.scratch.ScratchServer;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The parity proof: builds the source's environment in a fresh scratch database, applies the
 * baseline in a session set up like the migrations', snapshots the result with the source's
 * scope and compares it with the source, settling deparse differences by round trip through
 * the same server.
 */
public final class ParityCheck {
    private final EnvironmentSetup setup;
    private final BaselineApplier applier;
    private final CatalogReader reader;

    public ParityCheck(EnvironmentSetup setup, BaselineApplier applier, CatalogReader reader) {
        this.setup = setup;
        this.applier = applier;
        this.reader = reader;
    }

    /**
     * @param baselineLabel how messages name the baseline file
     * @throws Problem (drift, exit 4) when the baseline does not even apply
     */
    public ParityResult check(ScratchServer server, EnvironmentSpec spec, ScopedSnapshot source, String baselineLabel,
                              String baselineSql, ComparisonRules rules) {
        try (ScratchDatabase db = server.create("parity")) {
            setup.apply(db, spec);
            try (Connection session = setup.openSession(db, spec)) {
                applier.apply(session, baselineLabel, baselineSql);
            }
            try (Connection c = db.connect(); Connection probe = db.connect()) {
                Snapshot rebuilt = reader.read(c);
                ScopedSnapshot scoped = source.scope().apply(rebuilt);
                try (RoundTripOracle oracle = new RoundTripOracle(probe)) {
                    SnapshotDiff diff = new Differ(rules, oracle).diff(source.objects(), scoped.objects());
                    return new ParityResult(diff, scoped);
                }
            }
        } catch (SQLException e) {
            throw Problem.stepFailed("Could not check the baseline in a scratch database: " + e.getMessage())
                    .why("The scratch server stopped answering or refused the session.")
                    .fix("Run the command again; if it repeats, check the scratch server.")
                    .state("Only a scratch database was written; it is dropped.")
                    .cause(e)
                    .build();
        }
    }
}
