package dev.consolidate.standin;

import dev.consolidate.db.ConnectionSpec;
import dev.consolidate.db.Production;
import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.history.DeterministicIds;
import dev.consolidate.history.HistoryChange;
import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.HistoryWriter;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.history.ResolvedProject;
import dev.consolidate.history.ToolAdapter;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.EnvironmentSetup;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.replay.PreparedHistory;
import dev.consolidate.replay.ReplayListener;
import dev.consolidate.replay.Replayer;
import dev.consolidate.scratch.BundledPostgres;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.settings.Settings;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.sql.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * A production of its own for jobs that declare {@code production = embedded}: an embedded
 * PostgreSQL whose data directory lives in the project's .consolidate folder, seeded once (the
 * environment, the whole history, the job's production-seed SQL, and the history rows the tool
 * itself would have written), then kept across runs so that plan, execute and rollback see one
 * production. Delete the folder to start over.
 */
public final class ProductionStandIn implements AutoCloseable {
    static final String FOLDER = "production-standin";
    static final String DATABASE = "production";
    static final String SEEDED = "seeded";

    private final EmbeddedScratchServer server;
    private final ProductionSource source;

    private ProductionStandIn(EmbeddedScratchServer server) {
        this.server = server;
        ConnectionSpec spec = new ConnectionSpec("127.0.0.1", server.port(), DATABASE, "postgres", null, Map.of(),
                "the job's embedded production stand-in");
        this.source = new ProductionSource(new Production(spec), true);
    }

    public ProductionSource production() {
        return source;
    }

    /** Starts the stand-in of {@code s.dir()}, seeding it on first use. */
    public static ProductionStandIn open(Settings s, ToolRegistry tools, SqlSplitter splitter, Clock clock) {
        Path folder = s.dir().resolve(".consolidate").resolve(FOLDER);
        boolean seeded = Files.exists(folder.resolve(SEEDED));
        EmbeddedScratchServer server;
        try {
            Files.createDirectories(folder);
            server = EmbeddedScratchServer.start(BundledPostgres.defaultMajor(), folder.resolve("pgdata"));
        } catch (IOException | RuntimeException e) {
            throw Problem.precondition("Could not start the job's embedded production stand-in in " + folder + ": " + e.getMessage())
                    .why("A job with production = embedded keeps its production in that folder.")
                    .fix("Check free space and permissions; delete the folder to start the stand-in over.")
                    .state("Nothing was changed.")
                    .cause(e)
                    .build();
        }
        ProductionStandIn standIn = new ProductionStandIn(server);
        if (!seeded) {
            try {
                standIn.seed(s, tools, splitter, clock);
                AtomicFiles.writeString(folder.resolve(SEEDED), "seeded " + clock.instant() + "\n");
            } catch (IOException | SQLException | RuntimeException e) {
                server.close();
                deleteQuietly(folder);
                if (e instanceof Problem p) {
                    throw p.withState("The stand-in was discarded; nothing else was changed.");
                }
                throw Problem.stepFailed("Could not seed the production stand-in: " + e.getMessage())
                        .why("The stand-in is built by replaying the job's history and its production-seed file.")
                        .fix("Fix the cause, then run the command again.")
                        .state("The stand-in was discarded; nothing else was changed.")
                        .cause(e)
                        .build();
            }
        }
        return standIn;
    }

    private void seed(Settings s, ToolRegistry tools, SqlSplitter splitter, Clock clock) throws IOException, SQLException {
        ResolvedProject project = tools.resolve(s.dir(), s.tool(), s.migrations());
        MigrationSet set = project.discover();
        EnvironmentSpec env = EnvironmentSpec.of(s.profile(), project.tool(), s.bootstrap(), project.projectRoot(),
                s.sessionSettings());
        Replayer replayer = new Replayer(splitter, clock);
        ScratchDatabase db = server.keptDatabase(DATABASE);
        PreparedHistory prepared = replayer.prepare(set.migrations(), env, server);
        replayer.replay(db, env, prepared, ReplayListener.NONE);
        if (s.productionSeed() != null) {
            EnvironmentSetup setup = new EnvironmentSetup(splitter, clock);
            try (Connection c = setup.openSession(db, env); java.sql.Statement st = c.createStatement()) {
                for (Statement stmt : splitter.split(s.productionSeed().getFileName().toString(),
                        Files.readString(s.productionSeed()))) {
                    st.execute(stmt.text());
                }
            }
        }
        ToolAdapter adapter = project.adapter();
        if (adapter.defaultHistoryTable().isPresent()) {
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                HistorySnapshot history = adapter.readHistory(c, adapter.defaultHistoryTable().get());
                HistoryChange applied = adapter.appliedHistory(set, history, clock, new DeterministicIds("stand-in"));
                new HistoryWriter().apply(c, applied);
                c.commit();
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the next run re-seeds when no "seeded" marker exists
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
