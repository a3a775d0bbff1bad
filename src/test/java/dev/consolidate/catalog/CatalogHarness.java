package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consolidate.catalog.ddl.Baseline;
import dev.consolidate.catalog.ddl.BaselineOptions;
import dev.consolidate.catalog.ddl.BaselineWriter;
import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.parity.BaselineApplier;
import dev.consolidate.catalog.parity.CapturedEnvironment;
import dev.consolidate.catalog.parity.EnvironmentCapture;
import dev.consolidate.catalog.parity.ParityCheck;
import dev.consolidate.catalog.parity.ParityResult;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.history.Migration;
import dev.consolidate.replay.EnvironmentSetup;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.replay.PreparedHistory;
import dev.consolidate.replay.ReplayListener;
import dev.consolidate.replay.Replayer;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.scratch.ScratchServer;
import dev.consolidate.sql.SqlSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The real pieces wired the way the baseline and parity steps wire them, for tests. */
final class CatalogHarness {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final boolean REGENERATE = Boolean.getBoolean("consolidate.regenerate");

    final SqlSplitter splitter = new SqlSplitter();
    final CatalogReader reader = new CatalogReader();
    final EnvironmentSetup setup = new EnvironmentSetup(splitter, CLOCK);
    final Replayer replayer = new Replayer(splitter, CLOCK);
    final EnvironmentCapture capture = new EnvironmentCapture(setup, reader);
    final BaselineApplier applier = new BaselineApplier(splitter);
    final ParityCheck parity = new ParityCheck(setup, applier, reader);
    final BaselineWriter writer = new BaselineWriter(CLOCK);
    final ScratchServer server;

    CatalogHarness(ScratchServer server) {
        this.server = server;
    }

    /** A history replayed, read and scoped against its environment. */
    record Replayed(CapturedEnvironment environment, ScopedSnapshot scoped) {
    }

    /** Replays into {@code db} (which the caller owns) and returns the scoped snapshot. */
    Replayed replay(ScratchDatabase db, EnvironmentSpec spec, List<Migration> history) throws SQLException {
        CapturedEnvironment env = capture.capture(server, spec);
        PreparedHistory prepared = replayer.prepare(history, spec, server);
        replayer.replay(db, spec, prepared, ReplayListener.NONE);
        try (Connection c = db.connect()) {
            Snapshot snapshot = reader.read(c);
            return new Replayed(env, env.scope().apply(snapshot));
        }
    }

    Baseline baseline(ScopedSnapshot scoped, String label) {
        return writer.write(scoped, BaselineOptions.of(label));
    }

    ParityResult parity(EnvironmentSpec spec, ScopedSnapshot scoped, Baseline baseline, ComparisonRules rules) {
        return parity.check(server, spec, scoped, "baseline.sql", baseline.sql(), rules);
    }

    /** Compares with an expected file, or writes it when -Dconsolidate.regenerate=true. */
    static void expectFile(Path expected, String actual) {
        try {
            if (REGENERATE || !Files.exists(expected)) {
                Files.createDirectories(expected.getParent());
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
                if (!REGENERATE) {
                    throw new AssertionError("expected file was missing and has been written for review: " + expected);
                }
                return;
            }
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, "differs from " + expected
                    + " (run with -Dconsolidate.regenerate=true to rewrite it, then review the change)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
