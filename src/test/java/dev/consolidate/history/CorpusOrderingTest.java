package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.testsupport.Corpora;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discovery and ordering over real histories, read in place. */
class CorpusOrderingTest {
    private final ToolRegistry registry = ToolRegistry.standard();

    @Test
    void documensoPrismaInDirectoryNameOrder() {
        Path root = Corpora.require("documenso");
        ResolvedProject project = registry.resolve(root, "auto", null);
        assertEquals(Tool.PRISMA, project.tool());
        assertEquals("packages/prisma/migrations", project.relativeFolder());
        MigrationSet set = project.discover();
        assertEquals(163, set.migrations().size());
        assertEquals("20230404095503_initial_migration", set.migrations().get(0).version());
        assertEquals("packages/prisma/migrations/20230404095503_initial_migration/migration.sql", set.migrations().get(0).path());
        assertSorted(set.migrations().stream().map(Migration::version).toList());
        assertEquals(List.of(new IgnoredFile("packages/prisma/migrations/migration_lock.toml",
                "the lock file (provider postgresql), not a migration")), set.ignored());
        assertTrue(set.migrations().stream().allMatch(m -> m.checksum().equals(m.sha256()) && m.checksum().matches("[0-9a-f]{64}")));
    }

    @Test
    void marquezFlywayByNumericVersionThenRepeatablesByDescription() {
        Path root = Corpora.require("marquez");
        ResolvedProject project = registry.resolve(root, "auto", null);
        assertEquals(Tool.FLYWAY, project.tool());
        MigrationSet set = project.discover();
        List<String> versions = set.migrations().stream().map(m -> m.version() == null ? "R:" + m.description() : m.version()).toList();
        assertEquals(84, versions.size());
        assertEquals(List.of("1", "2", "2.1", "3", "4", "5", "6", "7", "8", "9", "10", "11"), versions.subList(0, 12));
        assertTrue(versions.indexOf("17.1") + 1 == versions.indexOf("17.2") && versions.indexOf("17.2") + 1 == versions.indexOf("18"));
        assertTrue(versions.indexOf("55.3") < versions.indexOf("57.1") && versions.indexOf("57.1") < versions.indexOf("58"));
        assertEquals(List.of("74", "R:Datasets view", "R:Jobs view and rewrite function", "R:Runs view"), versions.subList(80, 84));
        assertTrue(set.ignored().stream().anyMatch(i -> i.path().endsWith("V57__readme.md") && i.reason().equals("not a .sql file")));
        Migration v1 = set.migrations().get(0);
        assertEquals("initial schema", v1.description());
        assertEquals(MigrationKind.VERSIONED, v1.kind());
        assertEquals(MigrationKind.REPEATABLE, set.migrations().get(83).kind());
    }

    @Test
    void measureDbmateUpSectionsAndDoubleExtension() {
        Path root = Corpora.require("measure");
        ResolvedProject project = registry.resolve(root, "auto", null);
        assertEquals(Tool.DBMATE, project.tool());
        assertEquals("self-host/postgres", project.relativeFolder());
        MigrationSet set = project.discover();
        assertEquals(72, set.migrations().size());
        Migration apps = set.byVersion("20240830081828").orElseThrow();
        assertTrue(apps.path().endsWith("20240830081828_create_apps_table.sql.sql"));
        assertEquals("create_apps_table.sql", apps.description());
        assertSorted(set.migrations().stream().map(Migration::version).toList());
        for (Migration m : set.migrations()) {
            assertTrue(m.sql().startsWith("-- migrate:up"), m.path());
            assertFalse(m.sql().contains("-- migrate:down"), m.path());
        }
        assertTrue(set.ignored().stream().anyMatch(i -> i.path().endsWith("README.md")));
    }

    @Test
    void supabaseStoragePlainFolderByIntegerPrefixWithMarkers() {
        Path root = Corpora.require("supabase-storage");
        ResolvedProject project = registry.resolve(root, "sql", Path.of("migrations/tenant"));
        MigrationSet set = project.discover();
        List<String> versions = set.migrations().stream().map(Migration::version).toList();
        assertEquals(63, versions.size());
        for (int i = 0; i < versions.size(); i++) {
            assertEquals(Integer.toString(i + 1), versions.get(i), "ids are consecutive from 1");
        }
        assertTrue(set.migrations().get(9).path().endsWith("00010-search-files-search-function.sql"));
        assertEquals(16, set.migrations().stream().filter(Migration::skipped).count());
        assertEquals(9, set.migrations().stream().filter(m -> !m.transactional()).count(), "grep -l disable-transaction finds 9 files");
    }

    @Test
    void supabaseStorageHasSeveralFoldersSoAutoDetectionRefusesToGuess() {
        Path root = Corpora.require("supabase-storage");
        List<Detection> found = registry.detect(root);
        assertEquals(List.of("migrations/multitenant", "migrations/tenant", "migrations/vector_store"),
                found.stream().map(Detection::folder).toList());
    }

    @Test
    void chatbotUiSupabaseByVersion() {
        Path root = Corpora.require("chatbot-ui");
        ResolvedProject project = registry.resolve(root, "auto", null);
        assertEquals(Tool.SUPABASE, project.tool());
        MigrationSet set = project.discover();
        assertEquals(25, set.migrations().size());
        assertEquals("20240108234540", set.migrations().get(0).version());
        assertEquals("setup", set.migrations().get(0).description());
        assertSorted(set.migrations().stream().map(Migration::version).toList());
    }

    private static void assertSorted(List<String> versions) {
        for (int i = 1; i < versions.size(); i++) {
            assertTrue(versions.get(i - 1).compareTo(versions.get(i)) < 0, versions.get(i - 1) + " before " + versions.get(i));
        }
    }
}
