package dev.consolidate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.Productions;
import dev.consolidate.testsupport.Projects;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input --plan can meet: a clear message (what, why, fix, state), its exit
 * code, and nothing written anywhere (no run folder; production's history rows unchanged).
 */
class PlanBadInputTest {
    @TempDir
    static Path shared;
    private static Productions.Fixture flyway;

    @TempDir
    Path dir;

    @BeforeAll
    static void flywayProduction() {
        flyway = Productions.of(Projects.flyway(shared.resolve("flyway")));
    }

    @AfterAll
    static void drop() {
        flyway.close();
    }

    private static CommandLine.Run plan(Path project, String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "--plan";
        args[1] = "--no-replay";
        args[2] = "--dir";
        args[3] = project.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return CommandLine.run(Map.of(), args);
    }

    private static void assertRefused(CommandLine.Run run, int code, String mentions, Path project) {
        assertEquals(code, run.exitCode(), run.all());
        assertTrue(run.err().contains(mentions), "expected \"" + mentions + "\" in:\n" + run.err());
        assertTrue(run.err().contains("Why: ") && run.err().contains("Fix: ") && run.err().contains("State: "),
                "what, why, fix and state:\n" + run.err());
        assertFalse(Files.exists(project.resolve(".consolidate")), "nothing may be written:\n" + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace:\n" + run.err());
    }

    private String url() {
        return flyway.url();
    }

    @Test
    void anEmptyFolderHasNoMigrations() throws Exception {
        Files.createDirectories(dir.resolve("supabase/migrations"));
        assertRefused(plan(dir, "--tool", "supabase", "--db-url", url()), 2, "supabase/migrations", dir);
    }

    @Test
    void aProjectWithoutAnyMigrationsFolderIsNotGuessed() throws Exception {
        Files.writeString(dir.resolve("README.md"), "nothing here\n");
        assertRefused(plan(dir, "--db-url", url()), 2, "migrations", dir);
    }

    @Test
    void anUnknownToolIsNamed() {
        assertRefused(plan(dir, "--tool", "liquibase", "--db-url", url()), 2, "liquibase", dir);
    }

    @Test
    void twoLayoutsAreNotGuessedBetween() throws Exception {
        Projects.supabase(dir);
        Projects.prisma(dir);
        CommandLine.Run run = plan(dir, "--db-url", url());
        assertRefused(run, 2, "supabase", dir);
        assertTrue(run.err().contains("prisma"), run.err());
    }

    @Test
    void duplicateVersionsNameBothFiles() throws Exception {
        Projects.Project p = Projects.supabase(dir);
        p.file("supabase/migrations/20240101000000_again.sql", "select 1;\n");
        Files.writeString(dir.resolve("supabase/migrations/20240101000000_twice.sql"), "select 2;\n");
        CommandLine.Run run = plan(dir, "--tool", "supabase", "--db-url", url());
        assertRefused(run, 2, "20240101000000_again.sql", dir);
        assertTrue(run.err().contains("20240101000000_twice.sql"), run.err());
    }

    @Test
    void aFileThatIsNotUtf8IsNamed() throws Exception {
        Projects.supabase(dir);
        Files.write(dir.resolve("supabase/migrations/20990101000000_latin1.sql"), new byte[] {'-', '-', ' ', (byte) 0xe9, '\n'});
        assertRefused(plan(dir, "--tool", "supabase", "--db-url", url()), 2, "20990101000000_latin1.sql", dir);
    }

    @Test
    void aSymlinkLeadingOutOfTheFolderIsRefused() throws Exception {
        Projects.supabase(dir);
        Path outside = Files.writeString(shared.resolve("outside.sql"), "create table stolen (id int);\n");
        Files.createSymbolicLink(dir.resolve("supabase/migrations/20990101000000_link.sql"), outside);
        assertRefused(plan(dir, "--tool", "supabase", "--db-url", url()), 2, "20990101000000_link.sql", dir);
    }

    @Test
    void anUnreachableProductionIsAPrecondition() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Projects.flyway(dir);
        assertRefused(plan(dir, "--db-url", "postgresql://postgres:not-shown@127.0.0.1:" + port + "/x"), 3, "unreachable", dir);
    }

    @Test
    void aWrongPasswordIsNeverEchoed() throws Exception {
        Projects.flyway(dir);
        try (Connection c = flyway.connect(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pw_plan') THEN "
                    + "CREATE ROLE pw_plan LOGIN PASSWORD 'right'; END IF; END $$");
            Path hba;
            try (var rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            String text = Files.readString(hba);
            if (!text.contains("pw_plan")) {
                Files.writeString(hba, "host all pw_plan 127.0.0.1/32 scram-sha-256\n" + text);
                s.execute("SELECT pg_reload_conf()");
            }
        }
        String wrong = flyway.url().replace("postgres@", "pw_plan:wrong-secret-42@");
        CommandLine.Run run = plan(dir, "--db-url", wrong);
        assertRefused(run, 2, "pw_plan", dir);
        assertFalse(run.all().contains("wrong-secret-42"), run.all());
    }

    @Test
    void aRowWithoutItsFileIsMissingLocally() throws Exception {
        Projects.Project p = Projects.flyway(dir);
        Files.delete(dir.resolve(p.migrations().migrations().get(0).path()));
        CommandLine.Run run = plan(dir, "--db-url", url());
        assertRefused(run, 3, "missing locally", dir);
        assertTrue(run.err().contains("git"), run.err());
    }

    @Test
    void aFailedRunIsNamedWithTheRepairCommand() throws Exception {
        Projects.flyway(dir);
        try (Productions.Fixture f = Productions.of(Projects.flyway(shared.resolve("failed")));
             Connection c = f.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE flyway_schema_history SET success = false WHERE installed_rank = "
                    + "(SELECT max(installed_rank) FROM flyway_schema_history WHERE type = 'SQL' AND version IS NOT NULL)");
            String before = dev.consolidate.testsupport.Catalogs.rows(c, "public.flyway_schema_history");
            CommandLine.Run run = plan(dir, "--db-url", f.url());
            assertRefused(run, 3, "failed", dir);
            assertTrue(run.err().contains("flyway repair"), run.err());
            assertEquals(before, dev.consolidate.testsupport.Catalogs.rows(c, "public.flyway_schema_history"));
        }
    }
}
