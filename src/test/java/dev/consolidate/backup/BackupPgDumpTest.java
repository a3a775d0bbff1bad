package dev.consolidate.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.db.ConnectionSpec;
import dev.consolidate.fs.Sha256;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional pg_dump file: written from the same snapshot when a pg_dump of the server's major is on PATH, skipped otherwise. */
class BackupPgDumpTest {
    private static EmbeddedScratchServer server;
    private static ScratchDatabase source;

    @TempDir
    Path dir;

    @BeforeAll
    static void createSource() {
        server = Fixtures.server();
        source = Fixtures.database(server, "backup_pg_dump", "shop.sql");
    }

    @AfterAll
    static void dropSource() {
        source.close();
    }

    private BackupResult backup(String path, List<String> warnings) {
        ConnectionSpec spec = new ConnectionSpec("localhost", server.port(), source.name(), "postgres", "not-needed-here",
                Map.of(), "test");
        return new BackupWriter(source::connect, Fixtures.catalogSource(server), server, Fixtures.CLOCK,
                new ProgressListener() {
                    @Override
                    public void warning(String message) {
                        warnings.add(message);
                    }
                }, FileSink.PRIVATE, Map.of("PATH", path))
                .write(BackupRequest.full(dir.resolve(path.isEmpty() ? "without" : "with")).withPgDump(spec));
    }

    @Test
    void aMatchingPgDumpWritesAPrivateCustomFormatFile() throws Exception {
        Path bin = Fixtures.pgDump().getParent();
        List<String> warnings = new ArrayList<>();
        BackupResult result = backup(bin.toString(), warnings);
        BackupManifest.PgDump pgDump = result.manifest().pgDump();
        assertEquals("written", pgDump.status(), String.valueOf(pgDump));
        assertEquals(List.of(), warnings);
        assertEquals(BackupFolder.PG_DUMP, pgDump.file());
        assertTrue(pgDump.version().contains("15."), pgDump.version());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(result.pgDumpFile())));
        assertEquals(pgDump.sha256(), Sha256.ofFile(result.pgDumpFile()));
        Process list = new ProcessBuilder(bin.resolve("pg_restore").toString(), "--list", result.pgDumpFile().toString())
                .redirectErrorStream(true).start();
        String toc = new String(list.getInputStream().readAllBytes());
        assertEquals(0, list.waitFor(), toc);
        assertTrue(toc.contains("TABLE DATA shop order_lines"), toc);
        assertTrue(!toc.contains("not-needed-here") && !pgDump.toString().contains("not-needed-here"));
    }

    @Test
    void withoutPgDumpTheBackupCompletesAndSaysWhy() {
        List<String> warnings = new ArrayList<>();
        BackupResult result = backup("", warnings);
        assertEquals("skipped", result.manifest().pgDump().status());
        assertNull(result.pgDumpFile());
        assertTrue(warnings.get(0).contains("no pg_dump on PATH"), warnings.toString());
        assertTrue(result.manifest().verification() != null);
    }
}
