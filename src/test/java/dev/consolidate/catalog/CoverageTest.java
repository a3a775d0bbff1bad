package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.ddl.BaselineOptions;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the snapshot cannot model is a coverage error naming each object, never a silent loss. */
class CoverageTest {

    @Test
    void unmodelledObjectsOfTheHistoryAreRefusedByName() throws Exception {
        CatalogHarness h = new CatalogHarness(TestPostgres.server());
        String history = """
                create schema search;
                create text search configuration search.french_unaccent (copy = pg_catalog.french);
                create foreign data wrapper cov_fdw;
                create server cov_server foreign data wrapper cov_fdw;
                create foreign table search.remote (id int) server cov_server;
                create table search.docs (id int primary key, body text);
                """;
        try (ScratchDatabase db = h.server.create("coverage")) {
            ScopedSnapshot scoped = h.replay(db, EnvironmentSpec.none(), List.of(Scenario.migration("1_cov.sql", history))).scoped();
            List<String> names = scoped.coverageErrors().stream().map(o -> o.key().display()).toList();
            assertEquals(List.of("foreign table search.remote", "foreign-data wrapper cov_fdw", "server cov_server",
                    "text search configuration search.french_unaccent"), names.stream().sorted().toList());
            Problem p = assertThrows(Problem.class, scoped::requireCoverage);
            assertEquals(ExitCode.PRECONDITION, p.exitCode());
            assertTrue(p.what().contains("- text search configuration search.french_unaccent (text search configuration)"), p.what());
            assertTrue(p.what().contains("- foreign table search.remote (foreign table)"), p.what());
            assertThrows(Problem.class, () -> h.writer.write(scoped, BaselineOptions.of("coverage")), "the writer refuses too");
        }
    }

    @Test
    void unmodelledObjectsTheEnvironmentMadeAreNotTheHistorys(@TempDir Path dir) throws Exception {
        CatalogHarness h = new CatalogHarness(TestPostgres.server());
        Path bootstrap = dir.resolve("bootstrap.sql");
        Files.writeString(bootstrap, "create text search configuration public.env_french (copy = pg_catalog.french);\n");
        EnvironmentSpec spec = EnvironmentSpec.none().withBootstrap(bootstrap, "bootstrap.sql");
        try (ScratchDatabase db = h.server.create("coverage env")) {
            ScopedSnapshot scoped = h.replay(db, spec, List.of(Scenario.migration("1_t.sql", "create table public.t (id int);"))).scoped();
            assertEquals(List.of(), scoped.coverageErrors().stream().map(CatalogObject::key).toList());
            scoped.requireCoverage();
        }
    }
}
