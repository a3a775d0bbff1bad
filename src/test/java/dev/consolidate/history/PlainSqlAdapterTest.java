package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainSqlAdapterTest {
    private final PlainSqlAdapter adapter = new PlainSqlAdapter();

    @TempDir
    Path dir;

    @Test
    void integerPrefixOrderAndMarkers() {
        new TestProject(dir)
                .file("migrations/0009-nine.sql", "SELECT 9;")
                .file("migrations/00010-ten.sql", "-- postgres-migrations ignore\nSELECT 10;")
                .file("migrations/0011-eleven.sql", "-- postgres-migrations disable-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);")
                .file("migrations/0001-one.sql", "SELECT 1;")
                .file("migrations/notes.sql", "SELECT 0;");
        MigrationSet set = adapter.discover(dir, Path.of("migrations"));
        assertEquals(List.of("1", "9", "10", "11"), set.migrations().stream().map(Migration::version).toList());
        assertTrue(set.migrations().get(2).skipped());
        assertFalse(set.migrations().get(3).transactional());
        assertEquals("ten", set.migrations().get(2).description());
        assertEquals(List.of("migrations/notes.sql"), set.ignored().stream().map(IgnoredFile::path).toList());

        Classification c = adapter.classify(set, adapter.readHistory(null, null));
        assertEquals(4, c.count(MigrationState.NOT_TRACKED));
        BaselineIdentity b = adapter.baseline(new BaselineRequest(set, null, set.folder(), null, TestProject.CLOCK));
        assertEquals("migrations/0011-consolidated-baseline.sql", b.path(), "newest number, its width and separator");
        assertEquals("migrations_archive", b.archiveFolder());
        assertTrue(adapter.historyChange(new HistoryChangeRequest(b, new byte[0], set, adapter.readHistory(null, null),
                TestProject.CLOCK, TestProject.IDS)).isEmpty());
    }

    @Test
    void underscoreSeparatedNamesKeepTheirStyle() {
        new TestProject(dir).file("db/001_init.sql", "SELECT 1;").file("db/002_views.sql", "SELECT 2;");
        MigrationSet set = adapter.discover(dir, Path.of("db"));
        assertEquals("db/002_consolidated_baseline.sql",
                adapter.baseline(new BaselineRequest(set, null, set.folder(), null, TestProject.CLOCK)).path());
        assertEquals("db/002_squash.sql", adapter.baseline(new BaselineRequest(set, null, set.folder(), "squash", TestProject.CLOCK)).path());
    }
}
