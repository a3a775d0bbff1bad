import dev.consolidate.backup.BackupRequest;
import dev.consolidate.backup.CatalogSchemaSource;
import dev.consolidate.backup.BackupResult;
import dev.consolidate.backup.BackupWriter;
import dev.consolidate.backup.ProgressListener;
import dev.consolidate.catalog.ddl.BaselineOptions;
import dev.consolidate.catalog.ddl.BaselineWriter;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.catalog.scope.Scope;
import dev.consolidate.scratch.OpenedScratch;
import dev.consolidate.scratch.ScratchServers;
import dev.consolidate.scratch.ScratchSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Benchmark driver, run by run.sh with the built jar on the class path:
 *
 *   java -cp target/consolidate.jar bench/backup/BackupBench.java backup PORT DB OUT_DIR WORKERS LEVEL
 *   java -cp target/consolidate.jar bench/backup/BackupBench.java codecs PORT DB TABLE MEGABYTES
 *
 * "backup" times BackupWriter.write (snapshot, COPY, archive, verification restore into an
 * scratch server, commit) and prints the phases and the JVM's peak RSS. The scratch server is the
 * bundled embedded one, or what the environment variable BENCH_SCRATCH names in --scratch's forms
 * (e.g. url:postgresql://postgres@localhost:55433/postgres). "codecs" copies
 * a slice of a table's text COPY stream to a file and measures, on one thread, how fast each
 * candidate codec compresses it next to how fast COPY produces it.
 */
public class BackupBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "backup" -> backup(Integer.parseInt(args[1]), args[2], Path.of(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            case "codecs" -> codecs(Integer.parseInt(args[1]), args[2], args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static Connection connect(int port, String db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + db, p);
    }

    static void backup(int port, String db, Path out, int workers, int level) throws Exception {
        long t0 = System.nanoTime();
        OpenedScratch scratch = ScratchServers.open(ScratchSpec.parse(System.getenv("BENCH_SCRATCH")), OptionalInt.of(15));
        long scratchStart = System.nanoTime() - t0;
        List<String> phases = new ArrayList<>();
        long[] last = {System.nanoTime()};
        String[] current = {"start"};
        ProgressListener listener = new ProgressListener() {
            @Override
            public void phase(Phase phase) {
                long now = System.nanoTime();
                phases.add(current[0] + "=" + ms(now - last[0]));
                last[0] = now;
                current[0] = phase.name();
            }

            @Override
            public void warning(String message) {
                System.out.println("warning: " + message);
            }
        };
        long start = System.nanoTime();
        // The real schema source: the catalog engine, scoped against an empty database's catalog.
        CatalogReader reader = new CatalogReader();
        Snapshot environment;
        try (Connection c = connect(port, db + "_env")) {
            environment = reader.read(c);
        }
        CatalogSchemaSource schema = new CatalogSchemaSource(reader, Scope.plain(environment),
                new BaselineWriter(Clock.systemUTC()), BaselineOptions.of("benchmark"));
        BackupResult r = new BackupWriter(() -> connect(port, db), schema, scratch.server(), Clock.systemUTC(), listener)
                .write(BackupRequest.full(out).withWorkers(workers).withCompressionLevel(level));
        long took = System.nanoTime() - start;
        phases.add(current[0] + "=" + ms(System.nanoTime() - last[0]));
        scratch.close();
        long rows = r.manifest().contents().tables().stream().mapToLong(t -> t.rows()).sum();
        long bytes = r.manifest().contents().tables().stream().mapToLong(t -> t.bytes()).sum();
        System.out.println("verified_backup_seconds=" + String.format("%.1f", took / 1e9));
        System.out.println("scratch_server=" + scratch.server().description());
        System.out.println("scratch_server_start_seconds=" + String.format("%.1f", scratchStart / 1e9));
        System.out.println("tables=" + r.manifest().contents().tables().size() + " rows=" + rows + " copy_text_bytes=" + bytes);
        System.out.println("archive_bytes=" + Files.size(r.archiveFile()));
        System.out.println("phases_ms " + String.join(" ", phases.subList(1, phases.size())));
        System.out.println("jvm_peak_rss_kb=" + peakRss());
    }

    static void codecs(int port, String db, String table, int megabytes) throws Exception {
        Path sample = Files.createTempFile("copy-sample", ".txt");
        long limit = (long) megabytes << 20;
        long t = System.nanoTime();
        try (Connection c = connect(port, db); OutputStream o = new BufferedOutputStream(Files.newOutputStream(sample), 1 << 20)) {
            var copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyOut(
                    "COPY (SELECT * FROM " + table + " LIMIT " + rowsFor(c, table, limit) + ") TO STDOUT");
            byte[] row;
            while ((row = copy.readFromCopy()) != null) {
                o.write(row);
            }
        }
        long size = Files.size(sample);
        System.out.printf("copy_out (server text output + driver, to a file): %.0f MB/s over %d MB%n",
                size / 1e6 / ((System.nanoTime() - t) / 1e9), size >> 20);
        byte[] data = Files.readAllBytes(sample);
        Files.delete(sample);
        measure("zstd-1", data, o -> new com.github.luben.zstd.ZstdOutputStreamNoFinalizer(o, 1));
        measure("zstd-3", data, o -> new com.github.luben.zstd.ZstdOutputStreamNoFinalizer(o, 3));
        measure("zstd-6", data, o -> new com.github.luben.zstd.ZstdOutputStreamNoFinalizer(o, 6));
        measure("gzip-1 (deflate)", data, o -> new DeflaterOutputStream(o, new Deflater(1), 1 << 16));
        measure("gzip-6 (deflate, pg_dump -Fc's default)", data, o -> new DeflaterOutputStream(o, new Deflater(6), 1 << 16));
        // Commons Compress's LZ4 is pure Java: well under 1 MB/s on this data, so it is left out.
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(data);
        sha.digest();
        long h = System.nanoTime();
        sha.update(data);
        sha.digest();
        System.out.printf("%-46s %6.0f MB/s%n", "sha256 (JDK, one pass)", data.length / 1e6 / ((System.nanoTime() - h) / 1e9));
    }

    static long rowsFor(Connection c, String table, long bytes) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT greatest(1, (" + bytes + " / greatest(1, pg_relation_size('" + table + "') / greatest(1, reltuples::bigint)))) "
                        + "FROM pg_class WHERE oid = '" + table + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    interface Codec {
        OutputStream wrap(OutputStream o) throws IOException;
    }

    /** The second of two passes, so that the JIT has compiled the Java side. */
    static void measure(String name, byte[] data, Codec codec) throws IOException {
        pass(name, data, codec, false);
        pass(name, data, codec, true);
    }

    static void pass(String name, byte[] data, Codec codec, boolean report) throws IOException {
        CountingSink sink = new CountingSink();
        long t = System.nanoTime();
        try (OutputStream o = codec.wrap(sink)) {
            for (int off = 0; off < data.length; off += 1 << 16) {
                o.write(data, off, Math.min(1 << 16, data.length - off));
            }
        }
        double s = (System.nanoTime() - t) / 1e9;
        if (report) {
            System.out.printf("%-46s %6.0f MB/s  ratio %.2f%n", name, data.length / 1e6 / s, (double) data.length / sink.count);
        }
    }

    static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    static String ms(long nanos) {
        return Long.toString(nanos / 1_000_000);
    }

    static long peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
