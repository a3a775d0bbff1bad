package dev.consolidate.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.db.Identifiers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flyway: V/R/B files anywhere under the location (Flyway scans sub-folders), versioned and baseline
 * migrations by numeric version, repeatables after them by description; CRC32 checksums; history
 * in {@code flyway_schema_history}. The baseline takes the newest applied version, and the history
 * change is what {@code flyway repair} writes once the old files are gone and the baseline file
 * carries that version: the row of that version realigned to the baseline's description and
 * checksum, and a DELETE row for every other applied migration. {@code validate} is then green.
 */
public final class FlywayAdapter implements ToolAdapter {
    private static final HistoryTable TABLE = new HistoryTable(null, "flyway_schema_history");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Tool tool() {
        return Tool.FLYWAY;
    }

    @Override
    public String defaultFolder() {
        return "src/main/resources/db/migration";
    }

    @Override
    public Optional<String> recognise(Path dir) {
        long n = Detect.countFiles(dir, name -> FlywayFileName.parse(name).isMigration());
        return n == 0 ? Optional.empty() : Optional.of(n + " files named V<version>__<description>.sql or R__<description>.sql");
    }

    @Override
    public MigrationSet discover(Path projectRoot, Path folder) {
        MigrationFolder f = new MigrationFolder(tool(), projectRoot, folder);
        List<Migration> versioned = new ArrayList<>();
        List<Migration> repeatable = new ArrayList<>();
        List<IgnoredFile> ignored = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path p : walk(f)) {
            String name = p.getFileName().toString();
            FlywayFileName parsed = FlywayFileName.parse(name);
            if (!parsed.isMigration()) {
                ignored.add(new IgnoredFile(f.relative(p), parsed.reason()));
                continue;
            }
            SourceFile file = f.read(p);
            String identity = parsed.kind() + ":" + (parsed.version() != null ? canonical(parsed.version()) : parsed.description());
            String previous = seen.putIfAbsent(identity, file.relative());
            if (previous != null) {
                throw f.duplicate(parsed.version() != null ? parsed.version().toString() : "R__" + parsed.description(), previous, file.relative());
            }
            Migration m = new Migration(parsed.version() == null ? null : parsed.version().toString(), parsed.description(),
                    parsed.kind(), file.relative(), f.sha256(file), Integer.toString(FlywayChecksum.of(file.text())),
                    file.text(), 1, true, false);
            (parsed.kind() == MigrationKind.REPEATABLE ? repeatable : versioned).add(m);
        }
        versioned.sort(Comparator.comparing((Migration m) -> FlywayVersion.parse(m.version()))
                .thenComparing(m -> m.kind() == MigrationKind.BASELINE ? 0 : 1));
        repeatable.sort(Comparator.comparing(Migration::description).thenComparing(Migration::path));
        List<Migration> all = new ArrayList<>(versioned);
        all.addAll(repeatable);
        if (all.isEmpty()) {
            throw f.noMigrations("V<version>__<description>.sql or R__<description>.sql");
        }
        ignored.sort(Comparator.comparing(IgnoredFile::path));
        return new MigrationSet(tool(), f.relativeFolder(), all, ignored);
    }

    /** Versions equal for Flyway (1 and 1.0) get the same text here. */
    private static String canonical(FlywayVersion v) {
        String s = v.toString().replaceAll("(\\.0+)+$", "");
        StringBuilder out = new StringBuilder();
        for (String part : s.split("\\.")) {
            out.append(out.length() == 0 ? "" : ".").append(new java.math.BigInteger(part));
        }
        return out.toString();
    }

    /** Every file under the folder, sub-folders included as Flyway scans them, sorted by relative path. */
    private static List<Path> walk(MigrationFolder f) {
        List<Path> out = new ArrayList<>();
        walk(f, f.folder(), out);
        out.sort(Comparator.comparing(f::relative, MigrationFolder::compareUtf8));
        return out;
    }

    private static void walk(MigrationFolder f, Path dir, List<Path> out) {
        for (Path p : f.list(dir)) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                walk(f, p, out);
            } else if (f.isFile(p)) {
                out.add(p);
            }
        }
    }

    @Override
    public Optional<HistoryTable> defaultHistoryTable() {
        return Optional.of(TABLE);
    }

    @Override
    public HistorySnapshot readHistory(Connection connection, HistoryTable table) {
        return HistoryTableReader.read(connection, table, List.of("installed_rank"), row -> {
            String type = row.text("type");
            RowKind kind = switch (type == null ? "" : type) {
                case "DELETE" -> RowKind.DELETE_MARKER;
                case "BASELINE", "INIT" -> RowKind.BASELINE_MARKER;
                case "SCHEMA" -> RowKind.SCHEMA_MARKER;
                default -> RowKind.MIGRATION;
            };
            return new HistoryRow(row.json(), row.text("installed_rank"), row.text("version"), row.text("description"),
                    row.text("checksum"), type, kind, row.bool("success"));
        });
    }

    @Override
    public Classification classify(MigrationSet local, HistorySnapshot history) {
        FlywayApplied applied = new FlywayApplied(history.rows());
        Map<FlywayVersion, HistoryRow> versionedRows = new java.util.TreeMap<>(applied.versioned);
        Map<String, HistoryRow> repeatableRows = new java.util.LinkedHashMap<>(applied.repeatable);
        FlywayVersion newestApplied = applied.newest();
        List<MigrationStatus> entries = new ArrayList<>();
        for (Migration m : local.migrations()) {
            if (m.kind() == MigrationKind.REPEATABLE) {
                HistoryRow r = repeatableRows.remove(m.description());
                entries.add(repeatable(m, r));
                continue;
            }
            FlywayVersion v = FlywayVersion.parse(m.version());
            HistoryRow r = versionedRows.get(v);
            if (r != null && (m.kind() == MigrationKind.BASELINE) == isBaselineType(r)) {
                versionedRows.remove(v);
                entries.add(versioned(m, r));
            } else if (m.kind() == MigrationKind.BASELINE) {
                entries.add(new MigrationStatus(MigrationState.APPLIED, m, null,
                        "a baseline migration: Flyway runs it only on an empty database"));
            } else if (applied.baselineMarker != null && v.compareTo(applied.baselineMarker) <= 0) {
                entries.add(new MigrationStatus(MigrationState.APPLIED, m, null,
                        "at or below the baseline " + applied.baselineMarker + ": Flyway counts it as applied"));
            } else {
                entries.add(new MigrationStatus(MigrationState.PENDING, m, null, newestApplied != null && v.compareTo(newestApplied) < 0
                        ? "not applied and older than the newest applied version " + newestApplied
                        + ": Flyway ignores it and validate fails (outOfOrder is off)"
                        : "not applied: flyway migrate would run it"));
            }
        }
        List<HistoryRow> unmatched = new ArrayList<>(versionedRows.values());
        unmatched.addAll(repeatableRows.values());
        unmatched.sort(Comparator.comparing(r -> Integer.parseInt(r.key())));
        for (HistoryRow r : unmatched) {
            if (!r.success()) {
                entries.add(new MigrationStatus(MigrationState.FAILED, null, r, "a failed migration with no local file"));
            } else {
                String javaNote = "JDBC".equals(r.type()) || "SPRING_JDBC".equals(r.type())
                        ? " (a Java migration: an SQL replay cannot see what it did)" : "";
                entries.add(new MigrationStatus(MigrationState.MISSING_LOCALLY, null, r,
                        "applied in the database, no local file" + javaNote));
            }
        }
        List<String> notes = new ArrayList<>(applied.notes);
        if (!history.present()) {
            notes.add("The history table " + history.table() + " does not exist: the database records no migration as applied.");
        }
        return new Classification(tool(), history.present(), entries, notes.stream().sorted().toList());
    }

    private static boolean isBaselineType(HistoryRow r) {
        return r.type() != null && r.type().endsWith("_BASELINE");
    }

    private static MigrationStatus versioned(Migration m, HistoryRow r) {
        if (!r.success()) {
            return new MigrationStatus(MigrationState.FAILED, m, r, "recorded as failed (success = false): Flyway refuses to migrate");
        }
        if (!m.checksum().equals(r.checksum())) {
            return new MigrationStatus(MigrationState.CHANGED, m, r, "checksum mismatch: applied " + r.checksum()
                    + ", resolved locally " + m.checksum());
        }
        if (!m.description().equals(r.name())) {
            return new MigrationStatus(MigrationState.CHANGED, m, r, "description mismatch: applied \"" + r.name()
                    + "\", resolved locally \"" + m.description() + "\"");
        }
        return new MigrationStatus(MigrationState.APPLIED, m, r, "applied, checksum matches");
    }

    private static MigrationStatus repeatable(Migration m, HistoryRow r) {
        if (r == null) {
            return new MigrationStatus(MigrationState.PENDING, m, null, "repeatable migration never applied: flyway migrate would run it");
        }
        if (!r.success()) {
            return new MigrationStatus(MigrationState.FAILED, m, r, "its last run failed (success = false)");
        }
        if (!m.checksum().equals(r.checksum())) {
            return new MigrationStatus(MigrationState.PENDING, m, r,
                    "changed since it last ran (checksum " + r.checksum() + " then, " + m.checksum() + " now): flyway migrate would run it again");
        }
        return new MigrationStatus(MigrationState.APPLIED, m, r, "applied, checksum matches");
    }

    @Override
    public List<String> toolView(MigrationSet local, HistorySnapshot history) {
        FlywayVersion newestLocal = local.migrations().stream().filter(m -> m.version() != null)
                .map(m -> FlywayVersion.parse(m.version())).max(Comparator.naturalOrder()).orElse(null);
        List<String> complaints = new ArrayList<>();
        for (MigrationStatus e : classify(local, history).entries()) {
            if (e.state() == MigrationState.APPLIED) {
                continue;
            }
            if (e.state() == MigrationState.MISSING_LOCALLY && e.row().version() != null && newestLocal != null
                    && FlywayVersion.parse(e.row().version()).compareTo(newestLocal) > 0) {
                continue; // a future migration: ignored by the default ignoreMigrationPatterns "*:future"
            }
            complaints.add(e.label() + ": " + e.detail());
        }
        return complaints;
    }

    @Override
    public BaselineIdentity baseline(BaselineRequest request) {
        String version;
        if (request.converting(tool())) {
            version = "1";
        } else {
            FlywayApplied applied = new FlywayApplied(request.history() == null ? List.of() : request.history().rows());
            FlywayVersion newest = applied.newest();
            if (newest != null) {
                version = applied.versioned.get(newest).version();
            } else if (applied.baselineMarker != null) {
                version = applied.baselineMarker.toString();
            } else {
                version = request.source().migrations().stream().filter(m -> m.version() != null)
                        .max(Comparator.comparing((Migration m) -> FlywayVersion.parse(m.version())))
                        .map(Migration::version).orElse("1");
            }
        }
        String name = BaselineNames.chosen(request.name(), BaselineNames.DEFAULT).replace(' ', '_');
        String path = BaselineNames.join(request.targetFolder(), "V" + version + "__" + name + ".sql");
        return new BaselineIdentity(tool(), version, name.replace('_', ' '), path, BaselineNames.archiveFor(request, tool()));
    }

    @Override
    public HistoryChange historyChange(HistoryChangeRequest request) {
        HistorySnapshot history = request.history();
        HistoryTable table = history.table();
        BaselineIdentity baseline = request.baseline();
        String checksum = Integer.toString(FlywayChecksum.of(new String(request.baselineFile(), StandardCharsets.UTF_8)));
        String installedBy = history.readAs() == null ? "consolidate" : history.readAs();
        List<String> create = new ArrayList<>();
        List<String> uncreate = new ArrayList<>();
        List<String> description = new ArrayList<>();
        List<RowUpdate> updates = new ArrayList<>();
        List<String> inserts = new ArrayList<>();
        if (!history.present()) {
            create.addAll(createTable(table, history.schemaPresent()));
            uncreate.add("DROP TABLE " + table.qualified());
            if (!history.schemaPresent()) {
                uncreate.add("DROP SCHEMA " + Identifiers.quote(table.schema()));
            }
            description.add("Create " + table + " as Flyway does (it is absent).");
        }
        FlywayApplied applied = new FlywayApplied(history.rows());
        int rank = history.rows().stream().mapToInt(r -> Integer.parseInt(r.key())).max().orElse(0);
        FlywayVersion target = FlywayVersion.parse(baseline.version());
        HistoryRow own = applied.versioned.get(target);
        if (own != null && own.success()) {
            if (!checksum.equals(own.checksum()) || !baseline.name().equals(own.name())) {
                ObjectNode set = JSON.createObjectNode();
                set.put("installed_rank", Integer.parseInt(own.key()));
                set.put("description", baseline.name());
                set.put("checksum", Integer.parseInt(checksum));
                updates.add(new RowUpdate(own.json(), set.toString()));
                description.add("Realign the row of version " + baseline.version() + " to the baseline's description and"
                        + " checksum, as flyway repair does (saved first).");
            }
        } else {
            ObjectNode row = row(++rank, baseline.version(), baseline.name(), "SQL", relativeScript(request), Integer.parseInt(checksum), installedBy);
            inserts.add(row.toString());
            description.add("Insert the row of version " + baseline.version() + " as flyway migrate records it.");
        }
        List<HistoryRow> gone = new ArrayList<>();
        applied.versioned.forEach((v, r) -> {
            if (!v.equals(target) && r.success()) {
                gone.add(r);
            }
        });
        applied.repeatable.values().stream().filter(HistoryRow::success).forEach(gone::add);
        gone.sort(Comparator.comparing(r -> Integer.parseInt(r.key())));
        for (HistoryRow r : gone) {
            ObjectNode row = row(++rank, r.version(), r.name(), "DELETE", script(r), r.checksum() == null ? null : Integer.parseInt(r.checksum()), installedBy);
            inserts.add(row.toString());
        }
        if (!gone.isEmpty()) {
            description.add("Mark the " + gone.size() + " other applied migrations deleted with DELETE rows, as flyway repair does"
                    + " for migrations removed from the folder.");
        }
        return new HistoryChange(tool(), table, "installed_rank", create, uncreate, List.of(), updates, inserts, description);
    }

    /**
     * What {@code flyway migrate} records (JdbcTableSchemaHistory): on a fresh history the newest
     * baseline migration (B file) stands in for every version up to its own, then each pending
     * versioned migration in version order and each new or changed repeatable by description,
     * ranks counting on from the table's last; a SCHEMA row at rank 0 when Flyway creates the
     * table's schema. installed_by is the reading user, installed_on the clock in UTC,
     * execution_time 0. With outOfOrder off, validateOnMigrate stops at failed, edited or missing
     * migrations and at a pending one older than the newest applied.
     */
    @Override
    public HistoryChange appliedHistory(MigrationSet migrations, HistorySnapshot history, Clock clock, IdSource ids) {
        HistoryTable table = history.table();
        Classification c = classify(migrations, history);
        FlywayApplied applied = new FlywayApplied(history.rows());
        FlywayVersion newestApplied = applied.newest();
        List<MigrationStatus> blocking = new ArrayList<>(toolBlockers(migrations, c));
        List<Migration> run = new ArrayList<>();
        Migration baselineMigration = freshHistory(applied) ? newestBaselineMigration(migrations) : null;
        FlywayVersion baselineVersion = baselineMigration == null ? null : FlywayVersion.parse(baselineMigration.version());
        if (baselineMigration != null) {
            run.add(baselineMigration);
        }
        for (MigrationStatus e : c.in(MigrationState.PENDING)) {
            Migration m = e.migration();
            if (m.kind() == MigrationKind.VERSIONED) {
                FlywayVersion v = FlywayVersion.parse(m.version());
                if (baselineVersion != null && v.compareTo(baselineVersion) <= 0) {
                    continue;
                }
                if (newestApplied != null && v.compareTo(newestApplied) < 0) {
                    blocking.add(e);
                    continue;
                }
            }
            run.add(m);
        }
        ToolRefusal.check("flyway migrate", migrations, blocking);
        String installedBy = history.readAs() == null ? "consolidate" : history.readAs();
        String installedOn = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).toString();
        List<String> create = new ArrayList<>();
        List<String> uncreate = new ArrayList<>();
        List<String> description = new ArrayList<>();
        List<String> inserts = new ArrayList<>();
        if (!history.present()) {
            create.addAll(createTable(table, history.schemaPresent()));
            uncreate.add("DROP TABLE " + table.qualified());
            if (!history.schemaPresent()) {
                uncreate.add("DROP SCHEMA " + Identifiers.quote(table.schema()));
                ObjectNode schemaRow = row(0, null, "<< Flyway Schema Creation >>", "SCHEMA", Identifiers.quote(table.schema()),
                        null, installedBy);
                schemaRow.put("installed_on", installedOn);
                inserts.add(schemaRow.toString());
            }
            description.add("Create " + table + " as Flyway does (it is absent)"
                    + (history.schemaPresent() ? "." : ", with the row recording that Flyway created its schema."));
        }
        int rank = history.rows().stream().mapToInt(r -> Integer.parseInt(r.key())).max().orElse(0);
        String folder = migrations.folder().isEmpty() ? "" : migrations.folder() + "/";
        for (Migration m : run) {
            String type = m.kind() == MigrationKind.BASELINE ? "SQL_BASELINE" : "SQL";
            String script = m.path().startsWith(folder) ? m.path().substring(folder.length()) : m.path();
            ObjectNode row = row(++rank, m.version(), m.description(), type, script, Integer.parseInt(m.checksum()), installedBy);
            row.put("installed_on", installedOn);
            inserts.add(row.toString());
        }
        description.add("Insert the " + run.size() + " rows flyway migrate records as it applies the migrations.");
        return new HistoryChange(tool(), table, "installed_rank", create, uncreate, List.of(), List.of(), inserts, description);
    }

    /** What validateOnMigrate stops at: failures, edits, and applied migrations gone from the folder (future ones aside). */
    private List<MigrationStatus> toolBlockers(MigrationSet migrations, Classification c) {
        FlywayVersion newestLocal = migrations.migrations().stream().filter(m -> m.version() != null)
                .map(m -> FlywayVersion.parse(m.version())).max(Comparator.naturalOrder()).orElse(null);
        List<MigrationStatus> out = new ArrayList<>(c.in(MigrationState.FAILED));
        out.addAll(c.in(MigrationState.CHANGED));
        for (MigrationStatus e : c.in(MigrationState.MISSING_LOCALLY)) {
            boolean future = e.row().version() != null && newestLocal != null
                    && FlywayVersion.parse(e.row().version()).compareTo(newestLocal) > 0;
            if (!future) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean freshHistory(FlywayApplied applied) {
        return applied.versioned.isEmpty() && applied.repeatable.isEmpty() && applied.baselineMarker == null;
    }

    private static Migration newestBaselineMigration(MigrationSet migrations) {
        Migration newest = null;
        for (Migration m : migrations.migrations()) {
            if (m.kind() == MigrationKind.BASELINE
                    && (newest == null || FlywayVersion.parse(m.version()).compareTo(FlywayVersion.parse(newest.version())) > 0)) {
                newest = m;
            }
        }
        return newest;
    }

    private static String relativeScript(HistoryChangeRequest request) {
        return request.baseline().fileName();
    }

    private static String script(HistoryRow r) {
        try {
            return JSON.readTree(r.json()).path("script").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode row(int rank, String version, String description, String type, String script, Integer checksum, String installedBy) {
        ObjectNode row = JSON.createObjectNode();
        row.put("installed_rank", rank);
        if (version == null) {
            row.putNull("version");
        } else {
            row.put("version", version);
        }
        row.put("description", description);
        row.put("type", type);
        row.put("script", script);
        if (checksum == null) {
            row.putNull("checksum");
        } else {
            row.put("checksum", checksum);
        }
        row.put("installed_by", installedBy);
        row.put("execution_time", 0);
        row.put("success", true);
        return row;
    }

    /** Flyway's table for PostgreSQL (createMetaDataTable.sql), named after the table as Flyway names its key and index. */
    private static List<String> createTable(HistoryTable table, boolean schemaPresent) {
        List<String> out = new ArrayList<>();
        if (!schemaPresent) {
            out.add("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(table.schema()));
        }
        String t = table.qualified();
        out.add("CREATE TABLE " + t + " (\n"
                + "    \"installed_rank\" INT NOT NULL,\n"
                + "    \"version\" VARCHAR(50),\n"
                + "    \"description\" VARCHAR(200) NOT NULL,\n"
                + "    \"type\" VARCHAR(20) NOT NULL,\n"
                + "    \"script\" VARCHAR(1000) NOT NULL,\n"
                + "    \"checksum\" INTEGER,\n"
                + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
                + "    \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(),\n"
                + "    \"execution_time\" INTEGER NOT NULL,\n"
                + "    \"success\" BOOLEAN NOT NULL\n"
                + ")");
        out.add("ALTER TABLE " + t + " ADD CONSTRAINT " + Identifiers.quote(table.name() + "_pk") + " PRIMARY KEY (\"installed_rank\")");
        out.add("CREATE INDEX " + Identifiers.quote(table.name() + "_s_idx") + " ON " + t + " (\"success\")");
        return out;
    }
}
