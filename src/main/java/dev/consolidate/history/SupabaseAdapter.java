package dev.consolidate.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.db.Identifiers;
import dev.consolidate.sql.SourceText;
import dev.consolidate.sql.SqlSplitter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Supabase CLI: {@code supabase/migrations/<digits>_<name>.sql} in file-name order, history in
 * {@code supabase_migrations.schema_migrations(version, statements, name)}, no checksum. The
 * baseline keeps the newest applied version (as {@code supabase migration squash} does) and its
 * row carries the statements, split as the CLI splits them, so {@code migration fetch} can rebuild it.
 */
public final class SupabaseAdapter implements ToolAdapter {
    static final Pattern FILE = Pattern.compile("^([0-9]+)_(.*)\\.sql$");
    /** CLIs before 2021-12-09 wrote "<timestamp>_init.sql" first; the CLI still skips it. */
    private static final Pattern LEGACY_INIT = Pattern.compile("([0-9]{14})_init\\.sql");
    private static final HistoryTable TABLE = new HistoryTable("supabase_migrations", "schema_migrations");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlSplitter splitter;

    public SupabaseAdapter(SqlSplitter splitter) {
        this.splitter = splitter;
    }

    @Override
    public Tool tool() {
        return Tool.SUPABASE;
    }

    @Override
    public String defaultFolder() {
        return "supabase/migrations";
    }

    @Override
    public Optional<String> recognise(Path dir) {
        Path parent = dir.getParent();
        if (!dir.getFileName().toString().equals("migrations") || parent == null || parent.getFileName() == null
                || !parent.getFileName().toString().equals("supabase")) {
            return Optional.empty();
        }
        long n = Detect.countFiles(dir, name -> FILE.matcher(name).matches());
        return n == 0 ? Optional.empty() : Optional.of(n + " files named <timestamp>_<name>.sql in a supabase/migrations folder");
    }

    @Override
    public MigrationSet discover(Path projectRoot, Path folder) {
        MigrationFolder f = new MigrationFolder(tool(), projectRoot, folder);
        List<Migration> migrations = new ArrayList<>();
        List<IgnoredFile> ignored = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        List<Path> entries = f.entries();
        for (int i = 0; i < entries.size(); i++) {
            Path p = entries.get(i);
            String name = p.getFileName().toString();
            if (i == 0 && legacyInit(name)) {
                ignored.add(new IgnoredFile(f.relative(p), "an init file of CLIs before 2021-12-09: the CLI skips it"));
                continue;
            }
            Matcher m = FILE.matcher(name);
            if (!m.matches() || !f.isFile(p)) {
                ignored.add(new IgnoredFile(f.relative(p), f.isFile(p) ? "name does not match <timestamp>_<name>.sql" : "not a file"));
                continue;
            }
            SourceFile file = f.read(p);
            String version = m.group(1);
            String previous = seen.putIfAbsent(version, file.relative());
            if (previous != null) {
                throw f.duplicate(version, previous, file.relative());
            }
            migrations.add(new Migration(version, m.group(2), MigrationKind.VERSIONED, file.relative(), f.sha256(file), null,
                    file.text(), 1, true, false));
        }
        if (migrations.isEmpty()) {
            throw f.noMigrations("<timestamp>_<name>.sql");
        }
        return new MigrationSet(tool(), f.relativeFolder(), migrations, ignored);
    }

    private static boolean legacyInit(String name) {
        Matcher m = LEGACY_INIT.matcher(name);
        return m.find() && new BigInteger(m.group(1)).compareTo(BigInteger.valueOf(20211209000000L)) < 0;
    }

    @Override
    public Optional<HistoryTable> defaultHistoryTable() {
        return Optional.of(TABLE);
    }

    @Override
    public HistorySnapshot readHistory(Connection connection, HistoryTable table) {
        return HistoryTableReader.read(connection, table, List.of("version"), row -> new HistoryRow(row.json(),
                row.text("version"), row.text("version"), row.text("name"), null, null, RowKind.MIGRATION, true));
    }

    @Override
    public Classification classify(MigrationSet local, HistorySnapshot history) {
        return VersionMatching.classify(tool(), local, history, "db push would run it",
                "the CLI's db push refuses: \"Remote migration versions not found in local migrations directory\"");
    }

    @Override
    public List<String> toolView(MigrationSet local, HistorySnapshot history) {
        List<String> complaints = new ArrayList<>();
        Map<String, HistoryRow> remote = new LinkedHashMap<>();
        history.rows().forEach(r -> remote.put(r.version(), r));
        BigInteger newestRemote = remote.keySet().stream().map(SupabaseAdapter::number).max(BigInteger::compareTo).orElse(null);
        for (String v : remote.keySet()) {
            if (local.byVersion(v).isEmpty()) {
                complaints.add("Remote migration version " + v + " not found in local migrations directory");
            }
        }
        for (Migration m : local.migrations()) {
            if (!remote.containsKey(m.version())) {
                complaints.add(newestRemote != null && number(m.version()).compareTo(newestRemote) < 0
                        ? "Found local migration file to be inserted before the last migration on remote database: " + m.path()
                        : "Would push " + m.path() + " (not applied)");
            }
        }
        return complaints;
    }

    @Override
    public BaselineIdentity baseline(BaselineRequest request) {
        String version;
        if (request.converting(tool())) {
            version = BaselineNames.stamp(request.clock());
        } else {
            version = VersionMatching.newestApplied(request.source(), request.history());
        }
        String name = BaselineNames.chosen(request.name(), BaselineNames.DEFAULT);
        String path = BaselineNames.join(request.targetFolder(), version + "_" + name + ".sql");
        return new BaselineIdentity(tool(), version, name, path, BaselineNames.archiveFor(request, tool()));
    }

    @Override
    public HistoryChange historyChange(HistoryChangeRequest request) {
        HistorySnapshot history = request.history();
        HistoryTable table = history.table();
        BaselineIdentity baseline = request.baseline();
        ChangeStart opening = ChangeStart.of(history, "the Supabase CLI", SupabaseAdapter::createTable);
        List<String> create = opening.create();
        List<String> uncreate = opening.uncreate();
        List<String> description = opening.description();
        BigInteger cut = number(baseline.version());
        List<String> retire = new ArrayList<>();
        for (HistoryRow r : history.rows()) {
            if (isNumber(r.version()) && number(r.version()).compareTo(cut) <= 0) {
                retire.add(r.json());
            }
        }
        if (!retire.isEmpty()) {
            description.add("Delete the " + retire.size() + " rows with versions up to " + baseline.version()
                    + " (saved first), as supabase migration squash does.");
        }
        String text = new String(request.baselineFile(), StandardCharsets.UTF_8);
        ObjectNode row = row(history, baseline.version(), baseline.name(), baseline.path(), text);
        description.add("Insert the row (version " + baseline.version() + ", name " + baseline.name()
                + ", its statements) that supabase migration repair --status applied writes.");
        return new HistoryChange(tool(), table, "version", create, uncreate, retire, List.of(), List.of(row.toString()), description);
    }

    @Override
    public HistoryChange appliedHistory(MigrationSet migrations, HistorySnapshot history, Clock clock, IdSource ids) {
        HistoryTable table = history.table();
        Classification c = classify(migrations, history);
        BigInteger newestRemote = history.rows().stream().map(HistoryRow::version).filter(SupabaseAdapter::isNumber)
                .map(SupabaseAdapter::number).max(BigInteger::compareTo).orElse(null);
        List<MigrationStatus> blocking = new ArrayList<>(c.in(MigrationState.MISSING_LOCALLY));
        c.in(MigrationState.PENDING).stream()
                .filter(e -> newestRemote != null && number(e.migration().version()).compareTo(newestRemote) < 0)
                .map(e -> new MigrationStatus(e.state(), e.migration(), null,
                        "older than the last migration on the remote database; db push refuses without --include-all"))
                .forEach(blocking::add);
        ToolRefusal.check("supabase db push", migrations, blocking);
        ChangeStart opening = ChangeStart.of(history, "the Supabase CLI", SupabaseAdapter::createTable);
        List<String> create = opening.create();
        List<String> uncreate = opening.uncreate();
        List<String> description = opening.description();
        List<String> inserts = new ArrayList<>();
        for (MigrationStatus e : c.in(MigrationState.PENDING)) {
            Migration m = e.migration();
            inserts.add(row(history, m.version(), m.description(), m.path(), m.sql()).toString());
        }
        description.add("Insert the " + inserts.size() + " rows (version, name, statements) supabase db push writes"
                + " as it applies the migrations.");
        return new HistoryChange(tool(), table, "version", create, uncreate, List.of(), List.of(), inserts, description);
    }

    /** What the CLI runs before it writes its first row (pkg/migration/history.go), and its undo. */
    private static void createTable(HistorySnapshot history, List<String> create, List<String> uncreate) {
        HistoryTable table = history.table();
        create.add("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(table.schema()));
        create.add("CREATE TABLE IF NOT EXISTS " + table.qualified() + " (version text NOT NULL PRIMARY KEY)");
        create.add("ALTER TABLE " + table.qualified() + " ADD COLUMN IF NOT EXISTS statements text[]");
        create.add("ALTER TABLE " + table.qualified() + " ADD COLUMN IF NOT EXISTS name text");
        uncreate.add("DROP TABLE " + table.qualified());
        if (!history.schemaPresent()) {
            uncreate.add("DROP SCHEMA " + Identifiers.quote(table.schema()));
        }
    }

    /**
     * A row as the CLI writes it into {@code history}'s table: the file split into statements as it
     * stores them, comments kept; name and statements only where the table has those columns (an
     * older CLI's table lacks them), always for a table still to be created.
     */
    private ObjectNode row(HistorySnapshot history, String version, String name, String path, String text) {
        ObjectNode row = JSON.createObjectNode();
        row.put("version", version);
        if (!history.present() || history.hasColumn("name")) {
            row.put("name", name);
        }
        if (!history.present() || history.hasColumn("statements")) {
            ArrayNode statements = row.putArray("statements");
            splitter.splitKeepingComments(SourceText.of(path, text)).forEach(statements::add);
        }
        return row;
    }

    static BigInteger number(String version) {
        return new BigInteger(version);
    }

    private static boolean isNumber(String s) {
        return s != null && !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

}
