package dev.consolidate.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backup step's verb: a consistent, compressed, verified backup of production.
 *
 * <p>One exported snapshot is shared by parallel COPY sessions; each table streams through a
 * digest into a zstd spool file; the spool files, the schema and the history rows become one tar
 * archive; the archive is restored into a scratch database and every table compared with the
 * manifest; only then are the files renamed into place, the manifest last. Production is only
 * read.
 */
public final class BackupWriter {
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);
    static final String CONTENTS_ENTRY = "contents.json";
    static final String PRE_DATA_ENTRY = "schema/pre-data.sql";
    static final String POST_DATA_ENTRY = "schema/post-data.sql";
    static final String HISTORY_ENTRY = "history/rows.json";

    private final Connector production;
    private final SchemaSource schema;
    private final ScratchServer scratch;
    private final Clock clock;
    private final ProgressListener listener;
    private final FileSink files;
    private final Map<String, String> environment;
    private final ScratchPreparer preparer;

    /**
     * @param production read-only sessions to production (one per worker, plus the coordinator)
     * @param schema     the schema in scope
     * @param scratch    where the new backup is restored to be verified
     * @param clock      the time recorded in the manifest and the archive
     * @param listener   progress
     */
    public BackupWriter(Connector production, SchemaSource schema, ScratchServer scratch, Clock clock,
                        ProgressListener listener) {
        this(production, schema, scratch, clock, listener, FileSink.PRIVATE, System.getenv(), ScratchPreparer.NONE);
    }

    BackupWriter(Connector production, SchemaSource schema, ScratchServer scratch, Clock clock,
                 ProgressListener listener, FileSink files, Map<String, String> environment) {
        this(production, schema, scratch, clock, listener, files, environment, ScratchPreparer.NONE);
    }

    private BackupWriter(Connector production, SchemaSource schema, ScratchServer scratch, Clock clock,
                         ProgressListener listener, FileSink files, Map<String, String> environment, ScratchPreparer preparer) {
        this.production = production;
        this.schema = schema;
        this.scratch = scratch;
        this.clock = clock;
        this.listener = listener;
        this.files = files;
        this.environment = environment;
        this.preparer = preparer;
    }

    /**
     * The same writer verifying in scratch databases that {@code scratchPreparer} first gives the
     * schema's environment (needed whenever the schema source leaves platform objects out).
     */
    public BackupWriter withScratchPreparer(ScratchPreparer scratchPreparer) {
        return new BackupWriter(production, schema, scratch, clock, listener, files, environment, scratchPreparer);
    }

    /** Writes the backup into {@code request.directory()}; a Problem when it cannot, leaving no partial file behind. */
    public BackupResult write(BackupRequest request) {
        BackupFolder folder = new BackupFolder(request.directory());
        if (request.mode() == BackupMode.NONE && (request.reference() == null || request.reference().isBlank())) {
            throw Problem.usage("--backup none needs --backup-ref, naming the backup you took yourself.")
                    .why("The rollback runbook must say which backup restores production if the consolidation "
                            + "has to be undone.")
                    .fix("Name it, e.g. --backup none --backup-ref \"pg_dump file prod-2025-09-28.dump on the ops share\".")
                    .state("Nothing was changed.")
                    .build();
        }
        SerializedListener events = SerializedListener.of(listener);
        List<Path> removed = folder.prepare();
        if (!removed.isEmpty()) {
            events.warning("Removed what an interrupted backup left in " + folder.dir() + ": "
                    + removed.stream().map(p -> p.getFileName().toString()).sorted().toList());
        }
        try {
            return request.mode() == BackupMode.NONE ? writeReferenceOnly(folder, request) : writeVerified(folder, request, events);
        } catch (Problem p) {
            folder.discardPartials();
            throw p;
        } catch (IOException | UncheckedIOException e) {
            folder.discardPartials();
            throw Problem.stepFailed("Writing the backup into " + folder.dir() + " failed: " + e.getMessage() + ".")
                    .why("The disk is full, or the folder is not writable.")
                    .fix("Free space (the archive needs about a third of the tables' size, twice over while it is "
                            + "assembled) or choose another run folder, then run the step again.")
                    .state("Production was only read. No backup was written; partial files were removed.")
                    .cause(e)
                    .build();
        } catch (SQLException e) {
            folder.discardPartials();
            throw Problem.stepFailed("Reading production for the backup failed: " + SqlErrors.describe(e) + ".")
                    .why("The server ended a session or refused a query of the backup.")
                    .fix("Check the connection and the server's log, then run the step again.")
                    .state("Production was only read. No backup was written; partial files were removed.")
                    .cause(e)
                    .build();
        } catch (RuntimeException e) {
            folder.discardPartials();
            Throwable cause = e instanceof Workers.WorkerFailure && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IOException io) {
                throw Problem.stepFailed("Writing the backup into " + folder.dir() + " failed: " + io.getMessage() + ".")
                        .why("The disk is full, or the folder is not writable.")
                        .fix("Free space or choose another run folder, then run the step again.")
                        .state("Production was only read. No backup was written; partial files were removed.")
                        .cause(io)
                        .build();
            }
            if (cause instanceof SQLException sql) {
                throw Problem.stepFailed("Reading production for the backup failed: " + SqlErrors.describe(sql) + ".")
                        .why("The server ended a session or refused a query of the backup.")
                        .fix("Check the connection and the server's log, then run the step again.")
                        .state("Production was only read. No backup was written; partial files were removed.")
                        .cause(sql)
                        .build();
            }
            throw e;
        }
    }

    private BackupResult writeReferenceOnly(BackupFolder folder, BackupRequest request) throws IOException, SQLException {
        BackupManifest.Source source;
        try (Connection c = production.connect()) {
            source = readSource(c);
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupMode.NONE.label(),
                clock.instant().toString(), request.reference().strip(), source, null, null, null, null);
        writeFile(folder.partial(folder.manifest()), ManifestCodec.write(manifest));
        BackupFolder.publish(folder.partial(folder.manifest()), folder.manifest());
        FileSink.fsync(folder.dir());
        return new BackupResult(folder.manifest(), null, null, manifest);
    }

    private BackupResult writeVerified(BackupFolder folder, BackupRequest request, SerializedListener events)
            throws IOException, SQLException {
        Instant createdAt = clock.instant();
        String historyJson = historyJson(request.history());
        boolean full = request.mode() == BackupMode.FULL;
        Path spool = folder.spool();
        createPrivateDirectory(spool);

        SchemaScope scope;
        BackupManifest.Source source;
        List<TablePlan> plans = List.of();
        List<SequenceValue> sequences = List.of();
        CopyDigest[] digests = new CopyDigest[0];
        long largeObjects = 0;
        BackupManifest.PgDump pgDump = null;
        Path pgDumpPartial = folder.partial(folder.pgDump());
        try (Connection coordinator = production.connect()) {
            CopySession.prepare(coordinator);
            source = readSource(coordinator);
            List<TableName> inScope = schema.tables(coordinator);
            events.phase(ProgressListener.Phase.SNAPSHOT);
            try (SnapshotSession snapshot = SnapshotSession.begin(coordinator, inScope, LOCK_TIMEOUT)) {
                scope = schema.read(coordinator);
                requireSameTables(inScope, scope.tables());
                if (full) {
                    plans = TableCatalog.resolve(coordinator, scope.tables());
                    sequences = SequenceValues.read(coordinator, scope.sequences());
                    largeObjects = countLargeObjects(coordinator);
                    events.phase(ProgressListener.Phase.EXPORT);
                    digests = export(plans, snapshot, spool, request, events);
                }
                if (request.pgDump() != null) {
                    events.phase(ProgressListener.Phase.PG_DUMP);
                    pgDump = pgDump(request, source, snapshot.id(), pgDumpPartial, events);
                }
            }
        }
        if (largeObjects > 0) {
            events.warning(largeObjects + " large objects (pg_largeobject) are not part of this backup.");
        }

        events.phase(ProgressListener.Phase.ARCHIVE);
        List<BackupManifest.TableEntry> tableEntries = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            TablePlan p = plans.get(i);
            CopyDigest d = digests[i];
            tableEntries.add(new BackupManifest.TableEntry(p.table().schema(), p.table().name(), p.columns(),
                    dataEntry(i), d.rows(), d.bytes(), d.sha256(), d.contentHash()));
        }
        byte[] pre = scope.preDataSql().getBytes(StandardCharsets.UTF_8);
        byte[] post = scope.postDataSql().getBytes(StandardCharsets.UTF_8);
        byte[] history = historyJson.getBytes(StandardCharsets.UTF_8);
        BackupManifest.Contents contents = new BackupManifest.Contents("text", CopySession.SETTINGS,
                "zstd-" + request.compressionLevel(),
                new BackupManifest.FileEntry(PRE_DATA_ENTRY, pre.length, Sha256.hex(pre)),
                new BackupManifest.FileEntry(POST_DATA_ENTRY, post.length, Sha256.hex(post)),
                new BackupManifest.FileEntry(HISTORY_ENTRY, history.length, Sha256.hex(history)),
                request.history().table(), request.history().rows().size(), tableEntries, sequences, largeObjects);
        BackupManifest described = new BackupManifest(BackupManifest.FORMAT, request.mode().label(), createdAt.toString(),
                blankToNull(request.reference()), source, contents, null, null, null);
        Path archivePartial = folder.partial(folder.archive());
        BackupManifest.Archive archive;
        try (OutputStream file = files.create(archivePartial); ArchiveWriter tar = new ArchiveWriter(file, createdAt)) {
            tar.add(CONTENTS_ENTRY, ManifestCodec.write(described));
            tar.add(PRE_DATA_ENTRY, pre);
            tar.add(POST_DATA_ENTRY, post);
            tar.add(HISTORY_ENTRY, history);
            for (int i = 0; i < plans.size(); i++) {
                tar.add(dataEntry(i), spool.resolve(spoolName(i)));
            }
            archive = tar.finish(BackupFolder.ARCHIVE);
        }
        FileSink.fsync(archivePartial);
        deleteSpool(spool);

        events.phase(ProgressListener.Phase.VERIFY);
        BackupManifest unverified = new BackupManifest(described.format(), described.mode(), described.createdAt(),
                described.reference(), source, contents, archive, pgDump, null);
        RestoreResult verified = verify(unverified, archivePartial, request.workers(), events);
        BackupManifest manifest = new BackupManifest(described.format(), described.mode(), described.createdAt(),
                described.reference(), source, contents, archive, pgDump,
                new BackupManifest.Verification(scratch.description(), verified.tables(), verified.rows(), verified.sequences()));

        events.phase(ProgressListener.Phase.COMMIT);
        Path manifestPartial = folder.partial(folder.manifest());
        writeFile(manifestPartial, ManifestCodec.write(manifest));
        BackupFolder.publish(archivePartial, folder.archive());
        Path pgDumpFile = null;
        if (pgDump != null && "written".equals(pgDump.status())) {
            BackupFolder.publish(pgDumpPartial, folder.pgDump());
            pgDumpFile = folder.pgDump();
        }
        BackupFolder.publish(manifestPartial, folder.manifest());
        FileSink.fsync(folder.dir());
        return new BackupResult(folder.manifest(), folder.archive(), pgDumpFile, manifest);
    }

    private CopyDigest[] export(List<TablePlan> plans, SnapshotSession snapshot, Path spool, BackupRequest request,
                                SerializedListener events) {
        Map<TableName, Integer> position = new HashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            position.put(plans.get(i).table(), i);
        }
        List<TablePlan> largestFirst = plans.stream()
                .sorted(Comparator.comparingLong(TablePlan::sizeBytes).reversed().thenComparing(TablePlan::table))
                .toList();
        CopyDigest[] digests = new CopyDigest[plans.size()];
        TableExporter exporter = new TableExporter(files, request.compressionLevel(), events::addBytes);
        Workers.run("consolidate-backup", request.workers(), production, c -> {
            CopySession.prepare(c);
            snapshot.join(c);
        }, largestFirst, (c, t) -> {
            int i = position.get(t.table());
            CopyDigest d = exporter.export(c, t, spool.resolve(spoolName(i)));
            digests[i] = d;
            events.tableFinished(plans.size(), t.table(), d.rows(), d.bytes());
        });
        return digests;
    }

    private BackupManifest.PgDump pgDump(BackupRequest request, BackupManifest.Source source, String snapshotId,
                                         Path partial, SerializedListener events) throws IOException {
        PgDumpRunner runner = new PgDumpRunner(environment);
        List<String> whyNot = new ArrayList<>();
        Optional<PgDumpRunner.Binary> binary = runner.locate(source.serverMajor(), whyNot);
        if (binary.isEmpty()) {
            events.warning("No pg_dump file was written: " + whyNot.get(0) + ".");
            return new BackupManifest.PgDump("skipped", null, 0, null, null, whyNot.get(0));
        }
        String failure = runner.dump(binary.get(), request.pgDump(), snapshotId, partial, files);
        if (failure != null) {
            Files.deleteIfExists(partial);
            events.warning("No pg_dump file was written: " + failure);
            return new BackupManifest.PgDump("failed", null, 0, null, binary.get().version(), failure);
        }
        return new BackupManifest.PgDump("written", BackupFolder.PG_DUMP, Files.size(partial), Sha256.ofFile(partial),
                binary.get().version(), null);
    }

    private RestoreResult verify(BackupManifest manifest, Path archiveFile, int workers, SerializedListener events) {
        try {
            return new BackupVerifier(events).verify(manifest, archiveFile, scratch, workers, preparer);
        } catch (Problem p) {
            throw Problem.stepFailed("The new backup did not pass its verification: " + p.what())
                    .why(p.why())
                    .fix("Run the step again; if it fails the same way, check the disk and memory of this machine "
                            + "and the scratch server (" + scratch.description() + ").")
                    .state("Production was only read. No backup was written; partial files were removed and the "
                            + "scratch database was dropped.")
                    .cause(p)
                    .build();
        }
    }

    private static void requireSameTables(List<TableName> locked, List<TableName> read) {
        if (!new HashSet<>(locked).equals(new HashSet<>(read))) {
            throw Problem.stepFailed("The tables in scope changed while the backup started.")
                    .why("Before the snapshot the scope held " + locked.size() + " tables, inside it "
                            + read.size() + ": a migration or other DDL ran at the same time.")
                    .fix("Run the backup again once no migration runs against production.")
                    .state("Production was only read; no backup was written.")
                    .build();
        }
    }

    private static BackupManifest.Source readSource(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_setting('server_version'), current_setting('server_version_num')::int / 10000, current_database()")) {
            rs.next();
            return new BackupManifest.Source(rs.getString(1).split(" ")[0], rs.getInt(2), rs.getString(3));
        }
    }

    private static long countLargeObjects(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_catalog.pg_largeobject_metadata")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The history rows as a JSON array of the caller's objects, verbatim; each must be an object. */
    static String historyJson(HistoryRows history) {
        if (history.rows().isEmpty()) {
            return "[]\n";
        }
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < history.rows().size(); i++) {
            String row = history.rows().get(i).strip();
            JsonNode node;
            try {
                node = ManifestCodec.mapper().readTree(row);
            } catch (IOException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("history row " + (i + 1) + " is not a JSON object");
            }
            sb.append(row).append(i + 1 < history.rows().size() ? ",\n" : "\n");
        }
        return sb.append("]\n").toString();
    }

    static String dataEntry(int index) {
        return String.format("data/%06d.copy.zst", index + 1);
    }

    private static String spoolName(int index) {
        return String.format("%06d.zst", index + 1);
    }

    private void writeFile(Path path, byte[] content) throws IOException {
        try (OutputStream out = files.create(path)) {
            out.write(content);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (FileSink.posix()) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    private static void deleteSpool(Path spool) throws IOException {
        try (var files = Files.list(spool)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(spool);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
