package dev.consolidate.cli;

import dev.consolidate.db.ConnectionResolver;
import dev.consolidate.db.ConnectionSpec;
import dev.consolidate.db.Production;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.problem.Problem;
import dev.consolidate.settings.Settings;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.standin.ProductionStandIn;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds production from the settings: the job's embedded stand-in, or --db-url, DATABASE_URL,
 * the PG* variables. What it opens is closed when the command ends (stopping a stand-in).
 */
final class ProductionOpener {
    private final ConnectionResolver resolver;
    private final Clock clock;

    ProductionOpener(ConnectionResolver resolver, Clock clock) {
        this.resolver = resolver;
        this.clock = clock;
    }

    /** Production for one command; {@link #close} stops a stand-in. */
    static final class Opened implements AutoCloseable {
        private final ProductionSource source;
        private final AutoCloseable owner;

        Opened(ProductionSource source, AutoCloseable owner) {
            this.source = source;
            this.owner = owner;
        }

        ProductionSource source() {
            return source;
        }

        @Override
        public void close() {
            if (owner != null) {
                try {
                    owner.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    Opened open(Settings s) {
        if (s.productionStandIn()) {
            ProductionStandIn standIn = ProductionStandIn.open(s, ToolRegistry.standard(), new SqlSplitter(), clock);
            return new Opened(standIn.production(), standIn);
        }
        Optional<ConnectionSpec> spec = resolver.resolve(s.dbUrl());
        if (spec.isEmpty()) {
            throw Problem.usage("No production database given.")
                    .why("The plan reads production's history table and catalog; nothing names a database.")
                    .fix("Pass --db-url postgresql://USER@HOST:5432/DB, or set DATABASE_URL, or the PG* variables "
                            + "(PGHOST, PGDATABASE, PGUSER; the password from ~/.pgpass).")
                    .state("Nothing was changed.")
                    .build();
        }
        return new Opened(new ProductionSource(new Production(spec.get()), false), null);
    }
}
