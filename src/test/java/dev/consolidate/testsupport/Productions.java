package dev.consolidate.testsupport;

import dev.consolidate.history.DeterministicIds;
import dev.consolidate.history.HistoryChange;
import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.HistoryWriter;
import dev.consolidate.history.IdSource;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.history.ToolAdapter;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.replay.PreparedHistory;
import dev.consolidate.replay.ReplayListener;
import dev.consolidate.replay.Replayer;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.scratch.ScratchServer;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.Projects.Project;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A realistic production for a project, on a scratch database: the environment (profile,
 * bootstrap, session settings), the history replayed as the consolidation's replay applies it, any
 * drift SQL, and the history table exactly as the project's tool would have left it after applying
 * those files ({@link ToolAdapter#appliedHistory}). One replay per fixture, on a shared server.
 *
 * <pre>{@code
 * try (Productions.Fixture prod = Productions.of(Projects.flyway(dir))) {
 *     CommandLine.run("--plan", "--dir", dir.toString(), "--db-url", prod.url());
 * }
 * try (var prod = Productions.builder(project).drift("CREATE INDEX extra ON notes (body)").build()) { ... }
 * }</pre>
 */
public final class Productions {
    /** The clock the fixtures' history rows are stamped with unless another is given. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-03T09:15:30.123456Z"), ZoneOffset.UTC);
    /** The id source of the fixtures' generated ids (Prisma rows) unless another is given. */
    public static final IdSource IDS = new DeterministicIds("production-fixture");

    private Productions() {
    }

    /** The production of {@code project} with the tool's default environment, no drift, on {@link TestPostgres#server()}. */
    public static Fixture of(Project project) {
        return builder(project).build();
    }

    /** A builder for anything beyond the defaults. */
    public static Builder builder(Project project) {
        return new Builder(project);
    }

    /**
     * A production stand-in. Closing drops its database.
     *
     * @param project    the project it was built from
     * @param database   the scratch database holding it
     * @param url        a libpq URL for {@code --db-url}: {@code postgresql://postgres@127.0.0.1:<port>/<db>}
     * @param migrations the migrations replayed, in the tool's order
     * @param history    the history change written (the tool's table and rows)
     */
    public record Fixture(Project project, ScratchDatabase database, String url, MigrationSet migrations,
                          HistoryChange history) implements AutoCloseable {
        public Connection connect() throws SQLException {
            return database.connect();
        }

        /** The tool's history table as it is now, read as the plan reads it. */
        public HistorySnapshot readHistory() throws SQLException {
            ToolAdapter adapter = project.adapter();
            try (Connection c = database.connect()) {
                c.setReadOnly(true);
                return adapter.readHistory(c, adapter.defaultHistoryTable().orElse(null));
            }
        }

        @Override
        public void close() {
            database.close();
        }
    }

    /** Options of one fixture; every one has a default. */
    public static final class Builder {
        private final Project project;
        private EnvironmentSpec environment;
        private final List<String> drift = new ArrayList<>();
        private ScratchServer server;
        private Clock clock = CLOCK;
        private IdSource ids = IDS;

        private Builder(Project project) {
            this.project = Objects.requireNonNull(project, "project");
        }

        /** The environment the history assumes (default: the tool's, i.e. the Supabase profile for Supabase, nothing else otherwise). */
        public Builder environment(EnvironmentSpec spec) {
            this.environment = spec;
            return this;
        }

        /** SQL run after the history and before its rows are written: what production has that the files do not say. */
        public Builder drift(String sql) {
            drift.add(sql);
            return this;
        }

        /** The server to build on (default {@link TestPostgres#server()}). */
        public Builder server(ScratchServer s) {
            this.server = s;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder ids(IdSource i) {
            this.ids = i;
            return this;
        }

        public Fixture build() {
            ScratchServer s = server != null ? server : TestPostgres.server();
            EnvironmentSpec spec = environment != null ? environment
                    : EnvironmentSpec.of(null, project.tool(), null, project.root(), Map.of());
            ToolAdapter adapter = project.adapter();
            MigrationSet migrations = project.migrations();
            Replayer replayer = new Replayer(new SqlSplitter(), clock);
            PreparedHistory prepared = replayer.prepare(migrations.migrations(), spec, s);
            ScratchDatabase db = s.create("production " + project.tool().cliName());
            boolean built = false;
            try {
                replayer.replay(db, spec, prepared, ReplayListener.NONE);
                runDrift(db);
                HistoryChange change = writeHistory(db, adapter, migrations);
                built = true;
                return new Fixture(project, db, url(db), migrations, change);
            } catch (SQLException e) {
                throw new IllegalStateException("could not build the production of " + project.root() + ": " + e.getMessage(), e);
            } finally {
                if (!built) {
                    db.close();
                }
            }
        }

        private void runDrift(ScratchDatabase db) throws SQLException {
            if (drift.isEmpty()) {
                return;
            }
            Properties simple = new Properties();
            simple.setProperty("preferQueryMode", "simple");
            try (Connection c = db.connect(simple); Statement st = c.createStatement()) {
                for (String sql : drift) {
                    st.execute(sql);
                }
            }
        }

        private HistoryChange writeHistory(ScratchDatabase db, ToolAdapter adapter, MigrationSet migrations) throws SQLException {
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                HistorySnapshot before = adapter.readHistory(c, adapter.defaultHistoryTable().orElse(null));
                HistoryChange change = adapter.appliedHistory(migrations, before, clock, ids);
                new HistoryWriter().apply(c, change);
                c.commit();
                return change;
            }
        }
    }

    /** {@code postgresql://<user>@127.0.0.1:<port>/<db>} for a database of a server on this machine. */
    static String url(ScratchDatabase db) {
        URI jdbc = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        String host = jdbc.getHost() == null || jdbc.getHost().equals("localhost") ? "127.0.0.1" : jdbc.getHost();
        int port = jdbc.getPort() < 0 ? 5432 : jdbc.getPort();
        return "postgresql://" + db.credentials().getProperty("user") + "@" + host + ":" + port + "/" + db.name();
    }
}
