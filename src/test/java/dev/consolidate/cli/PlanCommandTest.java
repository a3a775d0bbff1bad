package dev.consolidate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.Catalogs;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --plan against a production that real Flyway migrated. */
class PlanCommandTest {
    @TempDir
    Path project;

    private ScratchDatabase production;
    private Path folder;

    @BeforeEach
    void migrateProductionWithFlyway() throws Exception {
        folder = project.resolve("src/main/resources/db/migration");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("V1__init.sql"), "CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);\n");
        Files.writeString(folder.resolve("V1_1__index.sql"), "CREATE INDEX account_email ON account (email);\n");
        Files.writeString(folder.resolve("V2__orders.sql"), """
                CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint REFERENCES account (id));
                INSERT INTO account (id, email) VALUES (1, 'ops@example.com');
                """);
        production = TestPostgres.server().create("plan prod");
        flyway().migrate();
    }

    @AfterEach
    void dropProduction() {
        production.close();
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(production.jdbcUrl(), "postgres", null)
                .locations("filesystem:" + folder).load();
    }

    private String dbUrl() {
        EmbeddedScratchServer s = TestPostgres.server();
        return "postgresql://postgres@127.0.0.1:" + s.port() + "/" + production.name();
    }

    @Test
    void writesPlanFilesAndNothingToProduction() throws Exception {
        String before;
        String rowsBefore;
        try (Connection c = production.connect()) {
            before = Catalogs.fingerprint(c);
            rowsBefore = Catalogs.rows(c, "public.flyway_schema_history");
        }
        CommandLine.Run run = CommandLine.run("--plan", "--dir", project.toString(), "--db-url", dbUrl());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("Plan "), run.out());
        try (Connection c = production.connect()) {
            assertEquals(before, Catalogs.fingerprint(c), "the plan changed production's catalog");
            assertEquals(rowsBefore, Catalogs.rows(c, "public.flyway_schema_history"));
        }
        Path runRoot = project.resolve(".consolidate");
        String planId = Files.readString(runRoot.resolve("CURRENT")).strip();
        JsonNode plan = new ObjectMapper().readTree(runRoot.resolve(planId).resolve("plan.json").toFile());
        assertEquals(planId, plan.path("planId").asText());
        assertEquals(3, plan.path("migrations").size());
        assertEquals("src/main/resources/db/migration/V1_1__index.sql", plan.path("migrations").get(1).path("path").asText(),
                "Flyway order: 1 < 1.1 < 2");
        plan.path("migrations").forEach(m -> assertEquals("applied", m.path("state").asText(), m.toString()));
        assertEquals("INSERT INTO", plan.path("dataStatements").get(0).path("command").asText());
        assertEquals("account", plan.path("dataStatements").get(0).path("target").asText());
        assertFalse(plan.toString().contains("ops@example.com"), "data values never reach the plan");
        assertTrue(Files.readString(runRoot.resolve(planId).resolve("PLAN.md")).contains("V2__orders.sql"));
        assertEquals("*", Files.readAllLines(runRoot.resolve(".gitignore")).get(1), "run folders are never committed");
    }

    @Test
    void theSameInputGivesTheSameFingerprint() throws Exception {
        CommandLine.Run a = CommandLine.run("--plan", "--no-replay", "--dir", project.toString(), "--db-url", dbUrl());
        CommandLine.Run b = CommandLine.run("--plan", "--no-replay", "--dir", project.toString(), "--db-url", dbUrl());
        assertEquals(0, a.exitCode(), a.all());
        assertEquals(a.out().lines().findFirst(), b.out().lines().findFirst());
        Files.writeString(folder.resolve("V1__init.sql"), "CREATE TABLE account (id bigint PRIMARY KEY, email text);\n");
        CommandLine.Run changed = CommandLine.run("--plan", "--no-replay", "--dir", project.toString(), "--db-url", dbUrl());
        assertEquals(3, changed.exitCode(), "an edited applied file is refused: " + changed.all());
        assertTrue(changed.err().contains("V1__init.sql"), changed.err());
    }

    @Test
    void refusesPendingMigrationsNamingThemAndWritesNoPlan() throws Exception {
        Files.writeString(folder.resolve("V3__later.sql"), "CREATE TABLE later (id int);\n");
        CommandLine.Run run = CommandLine.run("--plan", "--dir", project.toString(), "--db-url", dbUrl());
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.err().contains("V3__later.sql"), run.err());
        assertTrue(run.err().contains("pending"), run.err());
        assertTrue(run.err().contains("flyway migrate"), run.err());
        assertFalse(Files.exists(project.resolve(".consolidate")), "a refused plan writes nothing");
    }

    @Test
    void explainsAMissingHistoryTableWithoutCreatingIt() throws Exception {
        try (Connection c = production.connect(); var s = c.createStatement()) {
            s.execute("DROP TABLE flyway_schema_history");
        }
        CommandLine.Run run = CommandLine.run("--plan", "--dir", project.toString(), "--db-url", dbUrl());
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.err().contains("flyway_schema_history"), run.err());
        try (Connection c = production.connect(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NULL")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "the plan must never create the history table");
        }
    }

    @Test
    void withoutAnyDatabaseItSaysHowToNameOne() {
        CommandLine.Run run = CommandLine.run(Map.of(), "--plan", "--dir", project.toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--db-url"), run.err());
    }

    @Test
    void jobModesWithoutAPlanSayHowToMakeOne() {
        for (String mode : new String[] {"--execute", "--resume", "--rollback", "--status"}) {
            CommandLine.Run run = CommandLine.run(mode, "--yes", "--dir", project.toString());
            assertEquals(2, run.exitCode(), mode + ": " + run.all());
            assertTrue(run.err().contains("No plan found"), run.err());
            assertTrue(run.err().contains("consolidate --plan"), run.err());
        }
        assertFalse(Files.exists(project.resolve(".consolidate")), "nothing is written without a plan");
    }

    static long count(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
