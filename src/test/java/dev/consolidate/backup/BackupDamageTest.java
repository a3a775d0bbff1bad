package dev.consolidate.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flipped byte or a cut-off archive is found at verification and at restore, naming the table. */
class BackupDamageTest {
    private static EmbeddedScratchServer server;
    private static ScratchDatabase source;

    @TempDir
    Path dir;
    private BackupResult backup;
    private BackupManifest.ArchiveEntry lines;

    @BeforeAll
    static void createSource() {
        server = Fixtures.server();
        source = Fixtures.database(server, "backup_damage", "shop.sql");
    }

    @AfterAll
    static void dropSource() {
        source.close();
    }

    @BeforeEach
    void takeBackup() {
        backup = new BackupWriter(source::connect, Fixtures.catalogSource(server), server, Fixtures.CLOCK,
                ProgressListener.NONE).write(BackupRequest.full(dir.resolve("backup")));
        String entry = backup.manifest().contents().tables().stream()
                .filter(t -> t.name().equals("order_lines")).findFirst().orElseThrow().entry();
        lines = backup.manifest().archive().entry(entry);
    }

    @Test
    void aFlippedByteIsFoundAndNamed() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(backup.archiveFile().toFile(), "rw")) {
            long at = lines.offset() + lines.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x01);
        }
        IntegrityReport report = assertDetected("cannot be read");
        assertEquals(1, report.damaged().size(), "a flipped byte damages one entry only: " + report);
    }

    @Test
    void aTruncatedArchiveIsFoundAndNamed() throws Exception {
        try (FileChannel ch = FileChannel.open(backup.archiveFile(), StandardOpenOption.WRITE)) {
            ch.truncate(lines.offset() + lines.length() / 2);
        }
        IntegrityReport report = assertDetected("archive ends");
        assertTrue(report.damaged().stream().anyMatch(d -> "shop.orders".equals(d.table())),
                "the entries after the cut are missing too: " + report);
    }

    private IntegrityReport assertDetected(String reason) throws Exception {
        IntegrityReport report = new BackupVerifier(ProgressListener.NONE).checkArchive(dir.resolve("backup"));
        assertFalse(report.intact());
        assertFalse(report.expectedSha256().equals(report.actualSha256()));
        IntegrityReport.Damage hit = report.damaged().stream()
                .filter(d -> "shop.order_lines".equals(d.table())).findFirst().orElseThrow(() -> new AssertionError(report.toString()));
        assertTrue(hit.reason().contains(reason), hit.reason());

        Problem atVerification = assertThrows(Problem.class, () -> new BackupVerifier(ProgressListener.NONE)
                .verify(dir.resolve("backup"), server, 2));
        assertNamesTheDamage(atVerification);

        try (ScratchDatabase target = server.create("backup_damaged_restore")) {
            Problem atRestore = assertThrows(Problem.class, () -> new BackupRestorer(ProgressListener.NONE)
                    .restore(dir.resolve("backup"), target::connect, 2));
            assertNamesTheDamage(atRestore);
            assertTrue(atRestore.state().contains("not touched"), atRestore.render());
            try (Connection c = target.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'shop'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "nothing is restored from a damaged archive");
            }
        }
        return report;
    }

    private static void assertNamesTheDamage(Problem p) {
        String text = p.render();
        assertTrue(p.what().contains("table shop.order_lines"), text);
        assertTrue(text.contains("SHA-256"), text);
    }
}
