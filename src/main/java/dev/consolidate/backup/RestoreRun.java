package dev.consolidate.backup;

import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One restore of an archive into an empty database: integrity gate, pre-data, rows (in parallel,
 * each table checked as it lands and its indexes built right after), sequence positions, history
 * rows, the rest of post-data.
 */
final class RestoreRun {
    private static final String PARTIAL = "The target database holds a partial restore; drop it and create an "
            + "empty one before trying again.";

    // Index builds over freshly loaded tables sort in memory instead of in temporary files: a
    // quarter faster on the benchmark's largest index. The loading sessions, which build each
    // table's indexes after its rows, share BUILDS_MEMORY_MB; the rest of post-data runs on one
    // session with 256 MB.
    private static final int BUILDS_MEMORY_MB = 512;
    private static final String POST_DATA_MEMORY = "SET LOCAL maintenance_work_mem = '256MB'";

    private final BackupManifest manifest;
    private final Path archiveFile;
    private final Connector target;
    private final int workers;
    private final SerializedListener listener;
    private final boolean environmentPresent;

    /**
     * @param environmentPresent the target holds the schema's environment already, so it need
     *                           not be empty, only free of the backup's tables
     */
    RestoreRun(BackupManifest manifest, Path archiveFile, Connector target, int workers, SerializedListener listener,
               boolean environmentPresent) {
        this.manifest = manifest;
        this.archiveFile = archiveFile;
        this.target = target;
        this.workers = workers;
        this.listener = listener;
        this.environmentPresent = environmentPresent;
    }

    RestoreResult run() {
        BackupManifest.Contents contents = manifest.contents();
        listener.phase(ProgressListener.Phase.CHECK);
        IntegrityReport report = ArchiveIntegrity.check(archiveFile, manifest);
        if (!report.intact()) {
            throw ArchiveIntegrity.problem(report, "Nothing was restored; the target database was not touched.");
        }
        ArchiveReader reader = new ArchiveReader(archiveFile, manifest.archive());
        try (Connection ddl = connect()) {
            if (environmentPresent) {
                EmptyDatabase.requireNone(ddl, contents.tables().stream().map(BackupManifest.TableEntry::table).toList());
            } else {
                EmptyDatabase.require(ddl);
            }
            String database = currentDatabase(ddl);

            listener.phase(ProgressListener.Phase.PRE_DATA);
            runScript(ddl, reader.readText(contents.preData().entry()), "schema (pre-data)",
                    "It ran in one transaction, so nothing of it was kept: the target database is still empty.", List.of());

            listener.phase(ProgressListener.Phase.DATA);
            IndexBuilds.Split split = IndexBuilds.split(reader.readText(contents.postData().entry()),
                    ordinaryTables(ddl, contents.tables()));
            loadTables(reader, contents.tables(), split.builds());

            listener.phase(ProgressListener.Phase.SEQUENCES);
            restoreSequences(ddl, contents.sequences());

            listener.phase(ProgressListener.Phase.HISTORY);
            int history = loadHistory(ddl, contents, reader.readText(contents.history().entry()));

            listener.phase(ProgressListener.Phase.POST_DATA);
            runScript(ddl, split.rest(), "indexes, constraints, triggers and policies (post-data)", PARTIAL,
                    List.of(POST_DATA_MEMORY));

            long rows = contents.tables().stream().mapToLong(BackupManifest.TableEntry::rows).sum();
            return new RestoreResult(database, contents.tables().size(), rows, contents.sequences().size(), history);
        } catch (SQLException e) {
            throw Problem.stepFailed("The restore into the target database failed: " + SqlErrors.describe(e) + ".")
                    .why("The server refused a step of the restore.")
                    .fix("Check that the target server is reachable and that the role may create objects, then "
                            + "restore again into a new empty database.")
                    .state(PARTIAL)
                    .cause(e)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the backup archive " + archiveFile, e);
        }
    }

    private Connection connect() {
        try {
            return target.connect();
        } catch (SQLException e) {
            throw Problem.precondition("Could not connect to the target database: " + SqlErrors.describe(e) + ".")
                    .why("A restore needs a session in the (empty) target database.")
                    .fix("Check the target's URL, that it exists and that the role may log in.")
                    .state("Nothing was restored.")
                    .cause(e)
                    .build();
        }
    }

    private static String currentDatabase(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void runScript(Connection c, String sql, String what, String stateOnFailure, List<String> settings) {
        if (sql.isBlank()) {
            return;
        }
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // Routine bodies may name objects created later in the same script.
                s.execute("SET LOCAL check_function_bodies = false");
                for (String setting : settings) {
                    s.execute(setting);
                }
                s.execute(sql);
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            try {
                c.rollback();
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the session is broken; the original failure is the one to report
            }
            throw Problem.stepFailed("Restoring the " + what + " failed: " + SqlErrors.describe(e) + ".")
                    .why("The server refused a statement of the backup's schema script.")
                    .fix("Make the target match what the schema needs (extensions available, roles that own or are "
                            + "granted objects exist), then restore again into a new empty database.")
                    .state(stateOnFailure)
                    .cause(e)
                    .build();
        }
    }

    /** The backup's tables that are ordinary tables in the target (not partitioned, not partitions). */
    private static Map<TableName, BackupManifest.TableEntry> ordinaryTables(Connection c, List<BackupManifest.TableEntry> tables)
            throws SQLException {
        Map<TableName, BackupManifest.TableEntry> byName = new HashMap<>();
        tables.forEach(t -> byName.put(t.table(), t));
        Map<TableName, BackupManifest.TableEntry> ordinary = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE c.relkind = 'r' AND NOT c.relispartition")) {
            while (rs.next()) {
                BackupManifest.TableEntry t = byName.get(new TableName(rs.getString(1), rs.getString(2)));
                if (t != null) {
                    ordinary.put(t.table(), t);
                }
            }
        }
        return ordinary;
    }

    /** Builds one index that needs nothing else of post-data, on the session that loaded its table. */
    private static void build(Connection c, IndexBuilds.Build b) {
        try (Statement s = c.createStatement()) {
            s.execute(b.sql());
        } catch (SQLException e) {
            throw Problem.stepFailed("Building an index of " + b.table() + " failed: " + SqlErrors.describe(e) + ".")
                    .why("The server refused a statement of the backup's schema script: " + firstLine(b.sql()))
                    .fix("Check that the rows restored hold what the index needs (unique values for a unique "
                            + "index, the operator classes it uses), then restore again into a new empty database.")
                    .state(PARTIAL)
                    .cause(e)
                    .build();
        }
    }

    private static String firstLine(String sql) {
        int nl = sql.indexOf('\n');
        return nl < 0 ? sql : sql.substring(0, nl) + " ...";
    }

    /**
     * Loads every table and checks it, then builds its indexes on the same session (as
     * {@code pg_restore -j} does), so index builds fill the time other sessions spend loading.
     */
    private void loadTables(ArchiveReader reader, List<BackupManifest.TableEntry> tables, List<IndexBuilds.Build> builds) {
        List<BackupManifest.TableEntry> order = tables.stream()
                .sorted(Comparator.comparingLong(BackupManifest.TableEntry::bytes).reversed()
                        .thenComparing(BackupManifest.TableEntry::table))
                .toList();
        Map<TableName, List<IndexBuilds.Build>> buildsOf = new HashMap<>();
        builds.forEach(b -> buildsOf.computeIfAbsent(b.table(), k -> new ArrayList<>()).add(b));
        int memory = Math.max(64, BUILDS_MEMORY_MB / Math.max(1, workers));
        TableLoader loader = new TableLoader(reader, listener::addBytes);
        // A table is read back as soon as it is loaded, by the same session; a large one is read
        // back in parts over every session once all tables are loaded (ReadBack).
        List<List<ReadBack.Part>> split = new ArrayList<>();
        Workers.run("consolidate-restore", workers, target, c -> {
            CopySession.prepare(c);
            try (Statement s = c.createStatement()) {
                s.execute("SET maintenance_work_mem = '" + memory + "MB'");
            }
        }, order, (c, t) -> {
            try {
                loader.load(c, t);
                List<ReadBack.Part> parts = ReadBack.parts(c, t, workers);
                if (parts.size() > 1) {
                    synchronized (split) {
                        split.add(parts);
                    }
                } else {
                    TableLoader.checkRestored(t, ReadBack.read(c, parts.get(0)));
                    listener.tableFinished(tables.size(), t.table(), t.rows(), t.bytes());
                }
            } catch (SQLException e) {
                throw loadFailed(t, e);
            }
            buildsOf.getOrDefault(t.table(), List.of()).forEach(b -> build(c, b));
        });
        if (split.isEmpty()) {
            return;
        }
        List<ReadBack.Part> parts = split.stream().flatMap(List::stream).toList();
        Map<ReadBack.Part, CopyDigest> read = new ConcurrentHashMap<>();
        Workers.run("consolidate-read-back", workers, target, CopySession::prepare, parts, (c, p) -> {
            try {
                read.put(p, ReadBack.read(c, p));
            } catch (SQLException e) {
                throw loadFailed(p.table(), e);
            }
        });
        for (List<ReadBack.Part> table : split) {
            BackupManifest.TableEntry t = table.get(0).table();
            TableLoader.checkRestored(t, ReadBack.combine(table.stream().map(read::get).toList()));
            listener.tableFinished(tables.size(), t.table(), t.rows(), t.bytes());
        }
    }

    private static Problem loadFailed(BackupManifest.TableEntry t, SQLException e) {
        String why = SqlErrors.describe(e);
        boolean rls = why.toLowerCase(java.util.Locale.ROOT).contains("row-level security");
        return Problem.stepFailed("Loading the rows of table " + t.table() + " failed: " + why + ".")
                .why(rls ? "Row-level security applies to the restoring role, and COPY cannot load through policies."
                        : "The server refused the table's rows.")
                .fix(rls ? "Restore as a superuser or a role with BYPASSRLS."
                        : "Check that the target server can store every value of the source (same or newer major, "
                        + "same extensions), then restore again into a new empty database.")
                .state(PARTIAL)
                .cause(e)
                .build();
    }

    private void restoreSequences(Connection c, List<SequenceValue> sequences) throws SQLException {
        SequenceValues.write(c, sequences);
        List<SequenceValue> back = SequenceValues.read(c, sequences.stream().map(SequenceValue::sequence).toList());
        if (!back.equals(sequences.stream().sorted(Comparator.comparing(SequenceValue::sequence)).toList())) {
            throw Problem.stepFailed("The restored sequence positions differ from the backup.")
                    .why("Read back: " + back + "; the manifest recorded: " + sequences + ".")
                    .fix("Restore again into a new empty database.")
                    .state(PARTIAL)
                    .build();
        }
    }

    private static int loadHistory(Connection c, BackupManifest.Contents contents, String rowsJson) throws SQLException {
        int inserted = HistoryLoader.load(c, contents, rowsJson);
        if (inserted < 0) {
            return 0;
        }
        if (inserted != contents.historyRows()) {
            throw Problem.stepFailed("Only " + inserted + " of " + contents.historyRows()
                            + " history rows went back into " + contents.historyTable() + ".")
                    .why("The saved rows do not map onto the restored history table.")
                    .fix("Restore again into a new empty database; insert the rows of history/rows.json by hand if it recurs.")
                    .state(PARTIAL)
                    .build();
        }
        return inserted;
    }
}
