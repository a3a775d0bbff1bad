package dev.consolidate.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup and restore of a database holding every column type a real schema uses. */
class BackupRoundTripTest {
    private static EmbeddedScratchServer server;
    private static ScratchDatabase source;

    @TempDir
    Path dir;

    @BeforeAll
    static void createSource() {
        server = Fixtures.server();
        source = Fixtures.database(server, "backup_every_type", "every-type.sql");
    }

    @AfterAll
    static void dropSource() {
        source.close();
    }

    private BackupWriter writer(ProgressListener listener) {
        return new BackupWriter(source::connect, Fixtures.catalogSource(server), server, Fixtures.CLOCK, listener);
    }

    @Test
    void fullBackupRestoresHashEqualToTheOriginal() throws Exception {
        List<String> events = new ArrayList<>();
        BackupResult result = writer(new ProgressListener() {
            @Override
            public void tableDone(int done, int total, TableName table, long rows, long bytes) {
                events.add(done + "/" + total);
            }
        }).write(BackupRequest.full(dir.resolve("backup")).withWorkers(2));

        BackupManifest m = result.manifest();
        assertEquals("full", m.mode());
        List<String> copied = m.contents().tables().stream().map(t -> t.table().toString()).toList();
        // Leaf partitions are copied, their partitioned parents are not; a generated column is not copied.
        assertTrue(copied.containsAll(List.of("app.events_2024", "app.events_2025_a", "app.events_2025_b", "app.events_other")), copied.toString());
        assertFalse(copied.contains("app.events") || copied.contains("app.events_2025"), copied.toString());
        BackupManifest.TableEntry everything = m.contents().tables().stream()
                .filter(t -> t.name().equals("everything")).findFirst().orElseThrow();
        assertFalse(everything.columns().contains("doubled"));
        assertTrue(everything.columns().contains("id"), "identity columns are copied");
        assertEquals(2004, everything.rows());
        assertEquals(25, m.contents().tables().stream().filter(t -> t.name().equals("forced")).findFirst().orElseThrow().rows(),
                "forced row-level security must not hide rows from the backup");
        assertNotNull(m.verification());
        assertEquals(m.contents().tables().size(), m.verification().tables());
        assertTrue(events.contains(m.contents().tables().size() + "/" + m.contents().tables().size()), events.toString());

        assertPrivate(result.manifestFile());
        assertPrivate(result.archiveFile());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(result.manifestFile().getParent())));
        assertEquals(List.of(BackupFolder.MANIFEST, BackupFolder.ARCHIVE), new BackupFolder(dir.resolve("backup")).names());
        assertEquals(m.archive().sha256(), Sha256.ofFile(result.archiveFile()));
        assertTarOffsetsMatchManifest(result);

        // A restore builds each table's indexes on the session that loaded the table: the backup's
        // real post-data, with names bare or quoted as the baseline writes them, yields those builds.
        String postData = new ArchiveReader(result.archiveFile(), m.archive()).readText(m.contents().postData().entry());
        Map<TableName, BackupManifest.TableEntry> byName = m.contents().tables().stream()
                .collect(Collectors.toMap(BackupManifest.TableEntry::table, t -> t));
        List<String> built = IndexBuilds.split(postData, byName).builds().stream()
                .map(b -> b.table().toString()).distinct().sorted().toList();
        assertTrue(built.containsAll(List.of("app.child", "app.everything", "app.forced", "app.parent", "app.secrets")),
                built.toString());

        try (ScratchDatabase target = server.create("backup_restore_target")) {
            RestoreResult restored = new BackupRestorer(ProgressListener.NONE).restore(dir.resolve("backup"), target::connect, 2);
            assertEquals(m.contents().tables().size(), restored.tables());
            assertEquals(Fixtures.fingerprints(source, "app"), Fixtures.fingerprints(target, "app"));
            assertEquals(Fixtures.sequences(source, "app"), Fixtures.sequences(target, "app"));
            assertEquals(Fixtures.schemaDump(server, source, "app"), Fixtures.schemaDump(server, target, "app"));
            try (Connection c = target.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = 'app.forced'::regclass")) {
                rs.next();
                assertTrue(rs.getBoolean(1) && rs.getBoolean(2), "row-level security comes back enabled and forced");
            }
        }
    }

    @Test
    void restoreRefusesADatabaseThatIsNotEmpty() throws Exception {
        writer(ProgressListener.NONE).write(BackupRequest.schemaOnly(dir.resolve("backup")));
        try (ScratchDatabase target = server.create("backup_not_empty")) {
            Fixtures.execute(target, "CREATE TABLE public.already_here (id int)");
            Problem p = assertThrows(Problem.class, () -> new BackupRestorer(ProgressListener.NONE)
                    .restore(dir.resolve("backup"), target::connect, 1));
            assertEquals(ExitCode.PRECONDITION, p.exitCode());
            assertTrue(p.what().contains("not empty") && p.what().contains("public.already_here"), p.render());
            assertNotNull(p.fix());
            assertTrue(p.state().contains("Nothing was changed"), p.render());
            try (Connection c = target.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'app'")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void schemaOnlyBackupKeepsTheSchemaAndTheHistoryRows() throws Exception {
        HistoryRows history = new HistoryRows(new TableName("app", "schema_migrations"), List.of(
                "{\"version\": \"001\", \"applied_at\": \"2025-01-01T00:00:00+00:00\", \"checksum\": 123}",
                "{\"version\": \"002\", \"applied_at\": \"2025-02-01T00:00:00+00:00\", \"checksum\": null}"));
        BackupResult result = writer(ProgressListener.NONE)
                .write(BackupRequest.schemaOnly(dir.resolve("backup")).withHistory(history));
        BackupManifest m = result.manifest();
        assertEquals("schema-only", m.mode());
        assertTrue(m.contents().tables().isEmpty());
        assertEquals(2, m.contents().historyRows());

        try (ScratchDatabase target = server.create("backup_schema_only")) {
            RestoreResult restored = new BackupRestorer(ProgressListener.NONE).restore(result.manifestFile(), target::connect, 1);
            assertEquals(2, restored.historyRows());
            Map<String, String> prints = Fixtures.fingerprints(target, "app");
            assertEquals(Fixtures.fingerprints(source, "app").get("app.schema_migrations"), prints.get("app.schema_migrations"));
            assertEquals("0 d41d8cd98f00b204e9800998ecf8427e", prints.get("app.everything"));
            assertEquals(Fixtures.schemaDump(server, source, "app"), Fixtures.schemaDump(server, target, "app"));
        }
    }

    @Test
    void noneRecordsTheUsersOwnBackupAndNeedsItsName() throws Exception {
        Problem p = assertThrows(Problem.class, () -> writer(ProgressListener.NONE)
                .write(BackupRequest.none(dir.resolve("none"), "  ")));
        assertEquals(ExitCode.USAGE, p.exitCode());

        BackupResult result = writer(ProgressListener.NONE)
                .write(BackupRequest.none(dir.resolve("none"), "prod-2026-03-01.dump on the ops share"));
        assertNull(result.archiveFile());
        assertEquals("prod-2026-03-01.dump on the ops share", result.manifest().reference());
        assertEquals(List.of(BackupFolder.MANIFEST), new BackupFolder(dir.resolve("none")).names());
        Problem restore = assertThrows(Problem.class, () -> new BackupRestorer(ProgressListener.NONE)
                .restore(dir.resolve("none"), () -> {
                    throw new AssertionError("must not connect");
                }, 1));
        assertTrue(restore.what().contains("prod-2026-03-01.dump"), restore.render());
    }

    @Test
    void aCompleteBackupIsNeverOverwritten() throws Exception {
        BackupResult first = writer(ProgressListener.NONE).write(BackupRequest.schemaOnly(dir.resolve("backup")));
        String before = Sha256.ofFile(first.archiveFile());
        Problem p = assertThrows(Problem.class, () -> writer(ProgressListener.NONE)
                .write(BackupRequest.full(dir.resolve("backup"))));
        assertEquals(ExitCode.PRECONDITION, p.exitCode());
        assertEquals(before, Sha256.ofFile(first.archiveFile()));
    }

    @Test
    void theSameDatabaseGivesTheSameManifestAndArchive() throws Exception {
        BackupResult a = writer(ProgressListener.NONE).write(BackupRequest.full(dir.resolve("a")).withWorkers(2));
        BackupResult b = writer(ProgressListener.NONE).write(BackupRequest.full(dir.resolve("b")).withWorkers(1));
        assertEquals(Files.readString(a.manifestFile()), Files.readString(b.manifestFile()));
        assertEquals(Sha256.ofFile(a.archiveFile()), Sha256.ofFile(b.archiveFile()));
    }

    private static void assertPrivate(Path file) throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
    }

    private static void assertTarOffsetsMatchManifest(BackupResult result) throws Exception {
        try (TarFile tar = new TarFile(result.archiveFile())) {
            List<String> fromTar = new ArrayList<>();
            for (TarArchiveEntry e : tar.getEntries()) {
                fromTar.add(e.getName() + "@" + e.getDataOffset() + "+" + e.getSize());
            }
            String fromManifest = result.manifest().archive().entries().stream()
                    .map(e -> e.name() + "@" + e.offset() + "+" + e.length()).collect(Collectors.joining(","));
            assertEquals(fromManifest, String.join(",", fromTar));
            assertEquals(BackupWriter.CONTENTS_ENTRY, fromTar.get(0).substring(0, fromTar.get(0).indexOf('@')));
        }
    }
}
