package dev.consolidate.replay;

import static dev.consolidate.replay.Histories.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentSetupTest {
    private final EnvironmentSetup setup = new EnvironmentSetup(new SqlSplitter(), Clock.systemUTC());

    @TempDir
    Path dir;

    @Test
    void aBootstrapsDatabaseSettingReachesTheReplaySessionAndItsObjectsAreTheEnvironments() throws Exception {
        String sql = "CREATE SCHEMA app;\n"
                + "CREATE TABLE app.settings (k text PRIMARY KEY);\n"
                + "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path TO app, public', current_database()); END $$;\n";
        Path bootstrap = Files.writeString(dir.resolve("init.sql"), sql);
        EnvironmentSpec spec = EnvironmentSpec.none().withBootstrap(bootstrap, "db/init.sql");
        Replayer replayer = new Replayer(new SqlSplitter(), Clock.systemUTC());
        try (ScratchDatabase db = TestPostgres.server().create("env bootstrap")) {
            ReplayResult r = replayer.replay(db, spec,
                    replayer.prepare(List.of(file("1_t.sql", "CREATE TABLE widgets (id int);")), spec, db.server()), ReplayListener.NONE);
            Environment env = r.environment();
            assertEquals(Sha256.hex(sql), env.bootstrapSha256());
            assertTrue(env.provides("schema", "", "app"));
            assertTrue(env.provides("table", "app", "settings"));
            assertTrue(env.provides("constraint", "app", "settings.settings_pkey"));
            assertTrue(env.provides("index", "app", "settings_pkey"));
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT relnamespace::regnamespace::text FROM pg_class WHERE relname = 'widgets'")) {
                rs.next();
                assertEquals("app", rs.getString(1), "unqualified CREATE TABLE follows the bootstrap's search_path");
            }
        }
    }

    @Test
    void aFailingBootstrapPointsAtItsOwnLine() throws Exception {
        Path bootstrap = Files.writeString(dir.resolve("init.sql"), "CREATE SCHEMA app;\nGRANT USAGE ON SCHEMA app TO\n  no_such_role;\n");
        try (ScratchDatabase db = TestPostgres.server().create("env bootstrap error")) {
            Problem p = assertThrows(Problem.class,
                    () -> setup.apply(db, EnvironmentSpec.none().withBootstrap(bootstrap, "db/init.sql")));
            assertEquals(ExitCode.STEP_FAILED, p.exitCode());
            assertTrue(p.what().startsWith("Bootstrap failed at db/init.sql line 2, column 1:\n"
                    + "  role \"no_such_role\" does not exist (SQLSTATE 42704)"), p.what());
            assertTrue(p.fix().startsWith("correct the bootstrap file"), p.fix());
        }
    }

    @Test
    void aMissingBootstrapFileIsAUsageError() {
        Problem p = assertThrows(Problem.class, () -> new Replayer(new SqlSplitter(), Clock.systemUTC())
                .prepare(List.of(), EnvironmentSpec.none().withBootstrap(dir.resolve("absent.sql"), "db/absent.sql"), TestPostgres.server()));
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertEquals("The bootstrap file db/absent.sql cannot be read.", p.what());
    }

    @Test
    void aSessionOpenedLaterCarriesTheSettings() throws Exception {
        EnvironmentSpec spec = EnvironmentSpec.none().withSessionSettings(Map.of("search_path", "storage,public", "storage.install_roles", "true"));
        try (ScratchDatabase db = TestPostgres.server().create("env session")) {
            setup.apply(db, spec);
            try (Connection c = setup.openSession(db, spec); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('search_path'), current_setting('storage.install_roles')")) {
                rs.next();
                assertEquals("storage,public", rs.getString(1));
                assertEquals("true", rs.getString(2));
            }
        }
    }

    @Test
    void anUnknownSessionSettingIsAUsageError() {
        EnvironmentSpec spec = EnvironmentSpec.none().withSessionSettings(Map.of("serch_path", "x"));
        try (ScratchDatabase db = TestPostgres.server().create("env bad setting")) {
            Problem p = assertThrows(Problem.class, () -> setup.apply(db, spec));
            assertEquals(ExitCode.USAGE, p.exitCode());
            assertTrue(p.what().startsWith("The session setting serch_path cannot be applied"), p.what());
        }
    }
}
