package dev.consolidate.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbmate: {@code db/migrations/<digits>...sql} in file-name order (a ".sql.sql" name is a migration
 * too), only the up block runs, history in {@code schema_migrations(version)} without checksum; rows
 * without a file are ignored by dbmate. The baseline keeps the newest applied version, whose row is
 * already there.
 */
public final class DbmateAdapter implements ToolAdapter {
    private static final Pattern FILE = Pattern.compile("^(\\d+)(.*)\\.sql$");
    private static final HistoryTable TABLE = new HistoryTable(null, "schema_migrations");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Tool tool() {
        return Tool.DBMATE;
    }

    @Override
    public String defaultFolder() {
        return "db/migrations";
    }

    @Override
    public Optional<String> recognise(Path dir) {
        long n = Detect.countFiles(dir, name -> FILE.matcher(name).matches());
        if (n == 0 || !Detect.someHeadHasLine(dir, name -> FILE.matcher(name).matches(), "-- migrate:up", 3)) {
            return Optional.empty();
        }
        return Optional.of(n + " numbered .sql files with \"-- migrate:up\" sections");
    }

    @Override
    public MigrationSet discover(Path projectRoot, Path folder) {
        MigrationFolder f = new MigrationFolder(tool(), projectRoot, folder);
        List<Migration> migrations = new ArrayList<>();
        List<IgnoredFile> ignored = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path p : f.entries()) {
            Matcher m = FILE.matcher(p.getFileName().toString());
            if (!m.matches() || !f.isFile(p)) {
                ignored.add(new IgnoredFile(f.relative(p), f.isFile(p) ? "name does not start with digits and end in .sql" : "not a file"));
                continue;
            }
            SourceFile file = f.read(p);
            String version = m.group(1);
            String previous = seen.putIfAbsent(version, file.relative());
            if (previous != null) {
                throw f.duplicate(version, previous, file.relative());
            }
            DbmateSections sections = DbmateSections.parse(file.relative(), file.text());
            String name = m.group(2).startsWith("_") ? m.group(2).substring(1) : m.group(2);
            migrations.add(new Migration(version, name, MigrationKind.VERSIONED, file.relative(), f.sha256(file), null,
                    sections.up(), sections.startLine(), sections.transactional(), false));
        }
        if (migrations.isEmpty()) {
            throw f.noMigrations("<version>_<name>.sql");
        }
        return new MigrationSet(tool(), f.relativeFolder(), migrations, ignored);
    }

    @Override
    public Optional<HistoryTable> defaultHistoryTable() {
        return Optional.of(TABLE);
    }

    @Override
    public HistorySnapshot readHistory(Connection connection, HistoryTable table) {
        return HistoryTableReader.read(connection, table, List.of("version"), row -> new HistoryRow(row.json(),
                row.text("version"), row.text("version"), null, null, null, RowKind.MIGRATION, true));
    }

    @Override
    public Classification classify(MigrationSet local, HistorySnapshot history) {
        return VersionMatching.classify(tool(), local, history, "dbmate up would run it",
                "dbmate ignores rows without a file, but production ran something this history does not hold");
    }

    @Override
    public List<String> toolView(MigrationSet local, HistorySnapshot history) {
        return classify(local, history).in(MigrationState.PENDING).stream()
                .map(e -> e.label() + ": pending").toList();
    }

    @Override
    public BaselineIdentity baseline(BaselineRequest request) {
        String version = request.converting(tool())
                ? BaselineNames.stamp(request.clock())
                : VersionMatching.newestApplied(request.source(), request.history());
        String name = BaselineNames.chosen(request.name(), BaselineNames.DEFAULT);
        String path = BaselineNames.join(request.targetFolder(), version + "_" + name + ".sql");
        return new BaselineIdentity(tool(), version, name, path, BaselineNames.archiveFor(request, tool()));
    }

    @Override
    public String baselineFileText(String baselineSql) {
        String body = baselineSql.endsWith("\n") ? baselineSql : baselineSql + "\n";
        return "-- migrate:up\n" + body + "\n-- migrate:down\n";
    }

    @Override
    public HistoryChange historyChange(HistoryChangeRequest request) {
        HistorySnapshot history = request.history();
        HistoryTable table = history.table();
        String version = request.baseline().version();
        boolean recorded = history.rows().stream().anyMatch(r -> version.equals(r.version()));
        if (recorded) {
            return HistoryChange.none(tool(), table, "version", "dbmate already records version " + version
                    + ": nothing to write (rows of the archived files stay; dbmate ignores rows without a file).");
        }
        ChangeStart opening = ChangeStart.of(history, "dbmate", DbmateAdapter::createTable);
        List<String> create = opening.create();
        List<String> uncreate = opening.uncreate();
        List<String> description = opening.description();
        ObjectNode row = JSON.createObjectNode();
        row.put("version", version);
        description.add("Insert version " + version + " as dbmate records an applied migration.");
        return new HistoryChange(tool(), table, "version", create, uncreate, List.of(), List.of(), List.of(row.toString()), description);
    }

    /** {@code dbmate up} inserts each version it applies, in file order; it refuses nothing the table holds. */
    @Override
    public HistoryChange appliedHistory(MigrationSet migrations, HistorySnapshot history, Clock clock, IdSource ids) {
        HistoryTable table = history.table();
        ChangeStart opening = ChangeStart.of(history, "dbmate", DbmateAdapter::createTable);
        List<String> create = opening.create();
        List<String> uncreate = opening.uncreate();
        List<String> description = opening.description();
        List<String> inserts = new ArrayList<>();
        for (MigrationStatus e : classify(migrations, history).in(MigrationState.PENDING)) {
            ObjectNode row = JSON.createObjectNode();
            row.put("version", e.migration().version());
            inserts.add(row.toString());
        }
        description.add("Insert the " + inserts.size() + " versions dbmate up records as it applies the migrations.");
        return new HistoryChange(tool(), table, "version", create, uncreate, List.of(), List.of(), inserts, description);
    }

    /**
     * The table as dbmate 2 creates it (pkg/driver/postgres CreateMigrationsTable: varchar without
     * a length; 1.x wrote varchar(255)), the schema first when it is missing, and the undo.
     */
    private static void createTable(HistorySnapshot history, List<String> create, List<String> uncreate) {
        HistoryTable table = history.table();
        ChangeStart.inOwnSchema(history, "CREATE TABLE IF NOT EXISTS " + table.qualified() + " (version varchar primary key)",
                create, uncreate);
    }
}
