package dev.consolidate.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate: {@code <version>_<name>.up.sql} (down files are not history), version an unsigned
 * integer in numeric order, history a single row {@code schema_migrations(version, dirty)}: every
 * migration up to that version is applied. The baseline carries the recorded version (up and down
 * fail when it has no file), so the row already says what it must.
 */
public final class GolangMigrateAdapter implements ToolAdapter {
    private static final Pattern FILE = Pattern.compile("^([0-9]+)_(.*)\\.(down|up)\\.(.*)$");
    private static final BigInteger MAX = new BigInteger("18446744073709551615");
    private static final HistoryTable TABLE = new HistoryTable(null, "schema_migrations");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Tool tool() {
        return Tool.GOLANG_MIGRATE;
    }

    @Override
    public String defaultFolder() {
        return "migrations";
    }

    @Override
    public Optional<String> recognise(Path dir) {
        long n = Detect.countFiles(dir, name -> name.endsWith(".up.sql") && FILE.matcher(name).matches());
        return n == 0 ? Optional.empty() : Optional.of(n + " files named <version>_<name>.up.sql");
    }

    @Override
    public MigrationSet discover(Path projectRoot, Path folder) {
        MigrationFolder f = new MigrationFolder(tool(), projectRoot, folder);
        List<Migration> migrations = new ArrayList<>();
        List<IgnoredFile> ignored = new ArrayList<>();
        Map<BigInteger, String> seen = new HashMap<>();
        for (Path p : f.entries()) {
            Matcher m = FILE.matcher(p.getFileName().toString());
            if (!m.matches() || !f.isFile(p)) {
                ignored.add(new IgnoredFile(f.relative(p), f.isFile(p) ? "name does not match <version>_<name>.up.sql" : "not a file"));
                continue;
            }
            if (m.group(3).equals("down") || !m.group(4).equals("sql")) {
                ignored.add(new IgnoredFile(f.relative(p), m.group(3).equals("down") ? "a down migration" : "not an .up.sql file"));
                continue;
            }
            BigInteger version = new BigInteger(m.group(1));
            if (version.compareTo(MAX) > 0) {
                ignored.add(new IgnoredFile(f.relative(p), "version does not fit an unsigned 64-bit integer"));
                continue;
            }
            SourceFile file = f.read(p);
            String previous = seen.putIfAbsent(version, file.relative());
            if (previous != null) {
                throw f.duplicate(version.toString(), previous, file.relative());
            }
            migrations.add(new Migration(version.toString(), m.group(2), MigrationKind.VERSIONED, file.relative(), f.sha256(file),
                    null, file.text(), 1, true, false));
        }
        if (migrations.isEmpty()) {
            throw f.noMigrations("<version>_<name>.up.sql");
        }
        migrations.sort(Comparator.comparing(m -> new BigInteger(m.version())));
        return new MigrationSet(tool(), f.relativeFolder(), migrations, ignored);
    }

    @Override
    public Optional<HistoryTable> defaultHistoryTable() {
        return Optional.of(TABLE);
    }

    @Override
    public HistorySnapshot readHistory(Connection connection, HistoryTable table) {
        return HistoryTableReader.read(connection, table, List.of("version"), row -> new HistoryRow(row.json(),
                row.text("version"), row.text("version"), null, null, null, RowKind.MIGRATION, !row.bool("dirty")));
    }

    @Override
    public Classification classify(MigrationSet local, HistorySnapshot history) {
        List<MigrationStatus> entries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        HistoryRow row = history.rows().isEmpty() ? null : history.rows().get(history.rows().size() - 1);
        if (history.rows().size() > 1) {
            notes.add("The table holds " + history.rows().size() + " rows; golang-migrate keeps one and reads an arbitrary one."
                    + " The highest version was taken.");
        }
        BigInteger recorded = row == null ? null : new BigInteger(row.version());
        boolean found = false;
        for (Migration m : local.migrations()) {
            BigInteger v = new BigInteger(m.version());
            if (recorded == null || v.compareTo(recorded) > 0) {
                entries.add(new MigrationStatus(MigrationState.PENDING, m, null, "above the recorded version: migrate up would run it"));
            } else if (v.equals(recorded)) {
                found = true;
                entries.add(row.success()
                        ? new MigrationStatus(MigrationState.APPLIED, m, row, "the recorded version")
                        : new MigrationStatus(MigrationState.FAILED, m, row,
                        "the recorded version is dirty: it failed half-way and golang-migrate refuses to continue"));
            } else {
                entries.add(new MigrationStatus(MigrationState.APPLIED, m, row, "below the recorded version " + recorded));
            }
        }
        if (row != null && !found) {
            entries.add(new MigrationStatus(row.success() ? MigrationState.MISSING_LOCALLY : MigrationState.FAILED, null, row,
                    "recorded version " + recorded + " has no local file: golang-migrate up and down fail"));
        }
        if (!history.present()) {
            notes.add("The history table " + history.table() + " does not exist: the database records no migration as applied.");
        }
        return new Classification(tool(), history.present(), entries, notes);
    }

    @Override
    public List<String> toolView(MigrationSet local, HistorySnapshot history) {
        return classify(local, history).entries().stream()
                .filter(e -> e.state() != MigrationState.APPLIED)
                .map(e -> e.label() + ": " + e.detail())
                .toList();
    }

    @Override
    public BaselineIdentity baseline(BaselineRequest request) {
        String digits;
        if (request.converting(tool())) {
            digits = BaselineNames.stamp(request.clock());
        } else {
            List<HistoryRow> rows = request.history() == null ? List.of() : request.history().rows();
            BigInteger recorded = rows.isEmpty() ? null : new BigInteger(rows.get(rows.size() - 1).version());
            Migration newest = request.source().migrations().get(request.source().migrations().size() - 1);
            BigInteger version = recorded != null ? recorded : new BigInteger(newest.version());
            digits = request.source().migrations().stream()
                    .filter(m -> new BigInteger(m.version()).equals(version))
                    .map(m -> digitsOf(m.path()))
                    .findFirst().orElse(version.toString());
        }
        String name = BaselineNames.chosen(request.name(), BaselineNames.DEFAULT);
        String path = BaselineNames.join(request.targetFolder(), digits + "_" + name + ".up.sql");
        return new BaselineIdentity(tool(), new BigInteger(digits).toString(), name, path, BaselineNames.archiveFor(request, tool()));
    }

    /** The version digits as the file wrote them (zero padding kept). */
    private static String digitsOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Matcher m = FILE.matcher(name);
        return m.matches() ? m.group(1) : name;
    }

    @Override
    public HistoryChange historyChange(HistoryChangeRequest request) {
        HistorySnapshot history = request.history();
        HistoryTable table = history.table();
        String version = request.baseline().version();
        if (history.rows().size() == 1 && version.equals(history.rows().get(0).version()) && history.rows().get(0).success()) {
            return HistoryChange.none(tool(), table, "version", "golang-migrate already records version " + version
                    + " (not dirty): nothing to write.");
        }
        ChangeStart opening = ChangeStart.of(history, "golang-migrate", GolangMigrateAdapter::createTable);
        List<String> create = opening.create();
        List<String> uncreate = opening.uncreate();
        List<String> description = opening.description();
        List<String> retire = history.rows().stream().map(HistoryRow::json).toList();
        ObjectNode row = JSON.createObjectNode();
        row.put("version", new BigInteger(version));
        row.put("dirty", false);
        description.add("Replace the version row with (" + version + ", false), as golang-migrate force " + version + " does.");
        return new HistoryChange(tool(), table, "version", create, uncreate, retire, List.of(), List.of(row.toString()), description);
    }

    /**
     * {@code migrate up} sets (v, true), runs v and sets (v, false) for each pending migration, each
     * time truncating the table first (database/postgres SetVersion): what stays is the single row
     * (newest, false). It refuses a dirty version and a recorded version without a file.
     */
    @Override
    public HistoryChange appliedHistory(MigrationSet migrations, HistorySnapshot history, Clock clock, IdSource ids) {
        HistoryTable table = history.table();
        Classification c = classify(migrations, history);
        List<MigrationStatus> blocking = new ArrayList<>(c.in(MigrationState.FAILED));
        blocking.addAll(c.in(MigrationState.MISSING_LOCALLY));
        ToolRefusal.check("migrate up", migrations, blocking);
        ChangeStart opening = ChangeStart.of(history, "golang-migrate", GolangMigrateAdapter::createTable);
        List<String> create = opening.create();
        List<String> uncreate = opening.uncreate();
        List<String> description = opening.description();
        List<MigrationStatus> pending = c.in(MigrationState.PENDING);
        if (pending.isEmpty()) {
            return new HistoryChange(tool(), table, "version", create, uncreate, List.of(), List.of(), List.of(),
                    List.of("golang-migrate has nothing to apply: the recorded version is the newest."));
        }
        String newest = pending.get(pending.size() - 1).migration().version();
        List<String> retire = history.rows().stream().map(HistoryRow::json).toList();
        ObjectNode row = JSON.createObjectNode();
        row.put("version", new BigInteger(newest));
        row.put("dirty", false);
        description.add("Replace the version row with (" + newest + ", false), as migrate up leaves it after the last migration.");
        return new HistoryChange(tool(), table, "version", create, uncreate, retire, List.of(), List.of(row.toString()), description);
    }

    /** The table as the postgres driver creates it (ensureVersionTable), in a schema that must exist; and the undo. */
    private static void createTable(HistorySnapshot history, List<String> create, List<String> uncreate) {
        HistoryTable table = history.table();
        ChangeStart.inOwnSchema(history, "CREATE TABLE IF NOT EXISTS " + table.qualified()
                + " (version bigint not null primary key, dirty boolean not null)", create, uncreate);
    }
}
