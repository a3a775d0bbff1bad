package dev.consolidate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogQuery;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.Catalogs;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --check against a production the history built, and the verify script it emits, run with the
 * real psql: silent and exit 0 on the matching database; after one policy is altered, one index
 * dropped, one grant widened and a schema the history drops created again, both the check and the
 * script name all four.
 */
class VerifyScriptTest {
    @TempDir
    Path work;

    @Test
    void checkAndScriptAgreeOnAMatchingAndADriftedProduction() throws Exception {
        Path project = CheckFixtures.resource("verify");
        Path script = work.resolve("verify-schema-sync.sql");
        try (ScratchDatabase production = TestPostgres.server().create("check production");
             Connection hold = production.connect()) {
            // the open session keeps the scratch server's orphan reaper away from this database
            CheckFixtures.replayInto(production, project, "sql");
            String before = Catalogs.fingerprint(hold);

            CommandLine.Run equal = check(project, production, "--emit-verify-sql", script.toString());
            assertEquals(0, equal.exitCode(), equal.all());
            JsonNode report = new ObjectMapper().readTree(equal.out());
            assertEquals("equal", report.path("verdict").asText(), equal.out());
            assertTrue(Files.readString(work.resolve("run/CHECK.md")).contains("build the same catalog"));
            assertEquals(before, Catalogs.fingerprint(hold), "the check changed production");

            String text = Files.readString(script);
            assertFalse(text.contains("owner@example.com"), "no data and no definitions in the script");
            assertFalse(text.contains("count(*) FROM app.projects"), "hashes only, never definitions");

            assertDisplaysAsTheCatalogEngineDoes(hold);

            CheckFixtures.Psql clean = CheckFixtures.psql(script, production);
            assertEquals(0, clean.exitCode(), clean.err());
            assertEquals("", clean.out());
            assertEquals("", clean.err());

            try (Statement s = hold.createStatement()) {
                s.execute("ALTER POLICY projects_live ON app.projects USING (true)");
                s.execute("DROP INDEX app.projects_account_idx");
                s.execute("GRANT INSERT, UPDATE ON app.projects TO check_reader");
                s.execute("CREATE SCHEMA public");
            }

            CheckFixtures.Psql drifted = CheckFixtures.psql(script, production);
            assertNotEquals(0, drifted.exitCode(), drifted.out() + drifted.err());
            List<String> lines = drifted.out().lines().toList();
            assertEquals(List.of(
                    "still present (the history drops it): schema public",
                    "different: table app.projects (acl)",
                    "missing: index projects_account_idx on app.projects",
                    "different: policy projects_live on app.projects (using)"), lines, drifted.out() + drifted.err());
            assertTrue(drifted.err().contains("4 object(s) differ"), drifted.err());

            CommandLine.Run drift = check(project, production);
            assertEquals(4, drift.exitCode(), drift.all());
            List<String> objects = new ArrayList<>();
            new ObjectMapper().readTree(drift.out()).path("diff").path("differences")
                    .forEach(d -> objects.add(d.path("change").asText() + " " + d.path("object").asText()));
            assertEquals(List.of("changed schema public", "changed table app.projects", "removed index projects_account_idx on app.projects",
                    "changed policy projects_live on app.projects"), objects, drift.out());
        }
    }

    /** The script names objects in SQL; it must name them exactly as the reports do. */
    private static void assertDisplaysAsTheCatalogEngineDoes(Connection c) throws Exception {
        Map<ObjectKey, String> fromSql = new TreeMap<>();
        Snapshot snapshot = new CatalogReader().read(c);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path = ''");
            for (CatalogQuery q : CatalogQuery.objectQueries()) {
                try (ResultSet rs = s.executeQuery("SELECT q.kind, q.schema_name, q.object_name, q.parent_name, q.signature, "
                        + VerifyQuery.display("q") + " FROM (\n" + q.text() + "\n) q")) {
                    while (rs.next()) {
                        fromSql.put(new ObjectKey(ObjectKind.fromId(rs.getString(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)), rs.getString(6));
                    }
                }
            }
            s.execute("RESET search_path");
        }
        assertTrue(snapshot.size() > 15, "a catalog of many kinds: " + snapshot.size());
        assertEquals(snapshot.size(), fromSql.size());
        for (CatalogObject o : snapshot.objects()) {
            assertEquals(o.key().display(), fromSql.get(o.key()), o.key().display());
        }
    }

    private CommandLine.Run check(Path project, ScratchDatabase production, String... more) {
        List<String> args = new ArrayList<>(List.of("--check", "--json", "--dir", project.toString(), "--tool", "sql",
                "--db-url", CheckFixtures.dbUrl(production), "--scratch", CheckFixtures.scratch(),
                "--run-dir", work.resolve("run").toString()));
        args.addAll(List.of(more));
        return CommandLine.run(args.toArray(String[]::new));
    }
}
