package dev.consolidate.cli;

import dev.consolidate.db.ConnectionResolver;
import dev.consolidate.db.ConnectionSpec;
import dev.consolidate.db.Production;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.problem.Problem;
import dev.consolidate.settings.Settings;
import java.util.Optional;

/** Finds production from the settings: --db-url, DATABASE_URL, the PG* variables, or none. */
final class ProductionOpener {
    private final ConnectionResolver resolver;

    ProductionOpener(ConnectionResolver resolver) {
        this.resolver = resolver;
    }

    ProductionSource open(Settings s) {
        Optional<ConnectionSpec> spec = resolver.resolve(s.dbUrl());
        if (spec.isEmpty()) {
            throw Problem.usage("No production database given.")
                    .why("The plan reads production's history table and catalog; nothing names a database.")
                    .fix("Pass --db-url postgresql://USER@HOST:5432/DB, or set DATABASE_URL, or the PG* variables "
                            + "(PGHOST, PGDATABASE, PGUSER; the password from ~/.pgpass).")
                    .state("Nothing was changed.")
                    .build();
        }
        return new ProductionSource(new Production(spec.get()), false);
    }
}
