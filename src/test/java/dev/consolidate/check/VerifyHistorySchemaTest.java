package dev.consolidate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without the Supabase platform profile, the schema the Supabase CLI creates for its history
 * table is the tool's, for --check and for the verify script alike; once it holds anything else,
 * both name what is there.
 */
class VerifyHistorySchemaTest {
    @TempDir
    Path work;

    @Test
    void theHistoryTablesOwnSchemaIsTheToolsUntilItHoldsMore() throws Exception {
        Path project = work.resolve("project");
        Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(project.resolve("supabase/migrations/20240101000000_a.sql"), "create table public.a (id int primary key);\n");
        Path script = work.resolve("verify.sql");
        try (ScratchDatabase production = TestPostgres.server().create("check history schema");
             Connection hold = production.connect()) {
            CheckFixtures.replayInto(production, project, "supabase");
            try (Statement s = hold.createStatement()) {
                s.execute("CREATE SCHEMA supabase_migrations; CREATE TABLE supabase_migrations.schema_migrations"
                        + " (version text PRIMARY KEY, statements text[], name text)");
            }
            CommandLine.Run equal = check(project, production, "--emit-verify-sql", script.toString());
            assertEquals(0, equal.exitCode(), equal.all());
            CheckFixtures.Psql clean = CheckFixtures.psql(script, production);
            assertEquals(0, clean.exitCode(), clean.err());
            assertEquals("", clean.out());

            try (Statement s = hold.createStatement()) {
                s.execute("CREATE TABLE supabase_migrations.notes (id int)");
            }
            CheckFixtures.Psql drifted = CheckFixtures.psql(script, production);
            assertNotEquals(0, drifted.exitCode(), drifted.out() + drifted.err());
            assertEquals(List.of("unexpected: schema supabase_migrations", "unexpected: table supabase_migrations.notes"),
                    drifted.out().lines().toList(), drifted.out() + drifted.err());
            assertEquals(4, check(project, production).exitCode());
        }
    }

    private CommandLine.Run check(Path project, ScratchDatabase production, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--check", "--json", "--dir", project.toString(), "--tool", "supabase",
                "--profile", "none", "--db-url", CheckFixtures.dbUrl(production), "--scratch", CheckFixtures.scratch(),
                "--run-dir", work.resolve("run").toString()));
        args.addAll(List.of(more));
        return CommandLine.run(args.toArray(String[]::new));
    }
}
