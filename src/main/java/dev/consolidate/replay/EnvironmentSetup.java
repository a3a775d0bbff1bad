package dev.consolidate.replay;

import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Puts a fresh scratch database into the state a history assumes before its first migration
 * (platform profile, then bootstrap file), records what that created, and opens sessions with
 * the environment's session settings. Used by the replay, and again by parity before it applies
 * a baseline.
 */
public final class EnvironmentSetup {
    /**
     * Simple query protocol: each statement goes to the server exactly as written, so the server's
     * error positions refer to our text and SQL-standard function bodies (BEGIN ATOMIC ... END) are
     * never cut at their inner semicolons by the driver.
     */
    static final Properties SESSION = new Properties();

    static {
        SESSION.setProperty("preferQueryMode", "simple");
        SESSION.setProperty("ApplicationName", "consolidate replay");
    }

    private final MigrationPreparer preparer;
    private final MigrationApplier applier;

    public EnvironmentSetup(SqlSplitter splitter, Clock clock) {
        this.preparer = new MigrationPreparer(splitter);
        this.applier = new MigrationApplier(clock);
    }

    /** Builds the environment described by {@code spec} in {@code db}, which must be fresh. */
    public Environment apply(ScratchDatabase db, EnvironmentSpec spec) {
        Optional<PreparedMigration> bootstrap = spec.bootstrap().map(b -> preparer.prepareBootstrap(b, spec.bootstrapLabel()));
        return apply(db, spec, bootstrap);
    }

    Environment apply(ScratchDatabase db, EnvironmentSpec spec, Optional<PreparedMigration> bootstrap) {
        try (Connection c = db.connect(SESSION)) {
            SortedSet<String> rolesBefore = EnvironmentCatalog.roles(c);
            if (spec.profile().isPresent()) {
                installProfile(c, spec.profile().get(), db);
            }
            c.setAutoCommit(true);
            applySettings(c, spec.sessionSettings());
            if (bootstrap.isPresent()) {
                try {
                    applier.apply(c, bootstrap.get());
                } catch (StatementFailure f) {
                    throw ReplayFailure.problem("Bootstrap", f, 1, 1, List.of(),
                            "production untouched; only the scratch database " + db.name()
                                    + " was written, and it is dropped on cleanup; nothing to roll back.");
                }
            }
            c.setAutoCommit(true);
            SortedSet<String> roles = new TreeSet<>(EnvironmentCatalog.roles(c));
            roles.removeAll(rolesBefore);
            spec.profile().ifPresent(p -> roles.addAll(p.roles()));
            return new Environment(spec.profile().map(Profile::name).orElse(null),
                    bootstrap.map(b -> b.migration().sha256()).orElse(null), spec.sessionSettings(),
                    spec.profile().map(Profile::managedSchemas).orElse(new TreeSet<>()), roles, EnvironmentCatalog.objects(c));
        } catch (SQLException e) {
            throw Problem.stepFailed("Could not set up the environment in scratch database " + db.name() + ": " + e.getMessage())
                    .why("the scratch server stopped answering or refused the session.")
                    .fix("Run the command again; if it repeats, check the scratch server.")
                    .state("production untouched; only the scratch database was written, and it is dropped on cleanup.")
                    .build();
        }
    }

    /**
     * A new session on {@code db} with the environment's settings, as the migrations (or a
     * baseline) must run in it. A new session also picks up what the environment set on the
     * database (ALTER DATABASE ... SET search_path), which its own session did not see.
     */
    public Connection openSession(ScratchDatabase db, EnvironmentSpec spec) throws SQLException {
        Connection c = db.connect(SESSION);
        try {
            applySettings(c, spec.sessionSettings());
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static void installProfile(Connection c, Profile profile, ScratchDatabase db) throws SQLException {
        c.setAutoCommit(false);
        for (String script : profile.scripts()) {
            try (Statement s = c.createStatement()) {
                s.setEscapeProcessing(false);
                s.execute(profile.script(script));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw Problem.stepFailed("The " + profile.name() + " profile could not be installed in scratch database "
                                + db.name() + " (" + script + "): " + e.getMessage())
                        .why("the profile creates the platform's roles (which needs a superuser), schemas and extensions"
                                + " (" + String.join(", ", profile.extensions()) + ") on the scratch server.")
                        .fix("Use a scratch server where the tool's user is a superuser and those extensions are available"
                                + " (the embedded one is), or --profile none with a --bootstrap file of your own.")
                        .state("production untouched; only the scratch database was written, and it is dropped on cleanup.")
                        .build();
            }
        }
    }

    private static void applySettings(Connection c, Map<String, String> settings) throws SQLException {
        for (Map.Entry<String, String> e : settings.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, false)")) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.execute();
            } catch (SQLException ex) {
                throw Problem.usage("The session setting " + e.getKey() + " cannot be applied: " + ex.getMessage())
                        .why("session settings (--set NAME=VALUE) are applied with set_config() before the first migration;"
                                + " the server rejected this one.")
                        .fix("Correct the name or value (custom settings need a dot, e.g. storage.install_roles=true).")
                        .state("production untouched; only the scratch database was written, and it is dropped on cleanup.")
                        .build();
            }
        }
    }
}
