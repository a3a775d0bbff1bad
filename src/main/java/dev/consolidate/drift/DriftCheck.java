package dev.consolidate.drift;

import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.diff.Differ;
import dev.consolidate.catalog.diff.FieldDifference;
import dev.consolidate.catalog.diff.ObjectDifference;
import dev.consolidate.catalog.diff.SnapshotDiff;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.parity.RoundTripOracle;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.catalog.scope.Scope;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.db.Production;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.scratch.ScratchServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Production against what its history builds: production's catalog, read through a read-only
 * session and scoped like the history, compared object by object. Expression texts that only
 * deparse differently are settled by round trip through the scratch server.
 */
public final class DriftCheck {
    private final CatalogReader reader;

    public DriftCheck(CatalogReader reader) {
        this.reader = reader;
    }

    /** Production's catalog, read-only, scoped like the history's. */
    public ScopedSnapshot readProduction(Production production, Scope scope) {
        return scope.apply(readProductionCatalog(production));
    }

    /** Production's whole catalog, read through a read-only session. */
    public Snapshot readProductionCatalog(Production production) {
        try (Connection c = production.openReadOnly()) {
            return reader.read(c);
        } catch (SQLException e) {
            throw Problem.precondition("Could not read production's catalog: " + e.getMessage())
                    .why("Drift is found by comparing production's catalog with the history's.")
                    .fix("Check that the role may read the system catalogs (it usually can).")
                    .state("Nothing was changed.")
                    .cause(e)
                    .build();
        }
    }

    /** {@code expected} is the history's catalog, {@code actual} production's (or another history's). */
    public SnapshotDiff compare(ScopedSnapshot expected, ScopedSnapshot actual, ComparisonRules rules, ScratchServer oracleServer) {
        try (ScratchDatabase db = oracleServer.create("drift oracle"); Connection probe = db.connect();
             RoundTripOracle oracle = new RoundTripOracle(probe)) {
            return new Differ(rules, oracle).diff(expected.objects(), actual.objects());
        } catch (SQLException e) {
            throw Problem.stepFailed("Could not compare catalogs: " + e.getMessage())
                    .why("Expressions are settled by a round trip through the scratch server, which stopped answering.")
                    .fix("Run the command again.")
                    .state("Nothing was changed.")
                    .cause(e)
                    .build();
        }
    }

    /** One line per difference: "only in production: index x on public.t". */
    public static List<String> lines(SnapshotDiff diff, String expectedLabel, String actualLabel) {
        List<String> out = new ArrayList<>();
        for (ObjectDifference d : diff.differences()) {
            if (d instanceof ObjectDifference.Added a) {
                out.add("only in " + actualLabel + ": " + a.key().display());
            } else if (d instanceof ObjectDifference.Removed r) {
                out.add("only in " + expectedLabel + ": " + r.key().display());
            } else if (d instanceof ObjectDifference.Changed c) {
                out.add("different: " + c.key().display() + " ("
                        + c.fields().stream().map(FieldDifference::path).collect(Collectors.joining(", ")) + ")");
            }
        }
        return out;
    }
}
