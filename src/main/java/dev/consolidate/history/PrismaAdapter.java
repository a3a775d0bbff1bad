package dev.consolidate.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prisma Migrate: {@code prisma/migrations/<name>/migration.sql} in directory-name order plus
 * {@code migration_lock.toml} (provider postgresql), history in {@code _prisma_migrations} with a
 * SHA-256 checksum. Rolled-back rows are ignored, unfinished ones are failed. The baseline is
 * marked applied as {@code prisma migrate resolve --applied} does, and the old rows are removed so
 * that {@code migrate dev} does not ask for a reset.
 */
public final class PrismaAdapter implements ToolAdapter {
    static final String DEFAULT_NAME = "000000000000_squashed_migrations";
    private static final String LOCK = "migration_lock.toml";
    private static final Pattern PROVIDER = Pattern.compile("(?m)^\\s*provider\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern STAMPED = Pattern.compile("^\\d+_(.+)$");
    private static final HistoryTable TABLE = new HistoryTable("public", "_prisma_migrations");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Tool tool() {
        return Tool.PRISMA;
    }

    @Override
    public String defaultFolder() {
        return "prisma/migrations";
    }

    @Override
    public Optional<String> recognise(Path dir) {
        if (Files.isRegularFile(dir.resolve(LOCK))) {
            return Optional.of(LOCK + " and " + Detect.countDirs(dir, d -> Files.isRegularFile(d.resolve("migration.sql")))
                    + " migration folders");
        }
        long n = Detect.countDirs(dir, d -> Files.isRegularFile(d.resolve("migration.sql")));
        return n > 0 && dir.getFileName().toString().equals("migrations")
                ? Optional.of(n + " folders holding a migration.sql")
                : Optional.empty();
    }

    @Override
    public MigrationSet discover(Path projectRoot, Path folder) {
        MigrationFolder f = new MigrationFolder(tool(), projectRoot, folder);
        List<Migration> migrations = new ArrayList<>();
        List<IgnoredFile> ignored = new ArrayList<>();
        for (Path p : f.entries()) {
            String name = p.getFileName().toString();
            if (name.equals(LOCK) && f.isFile(p)) {
                checkProvider(f, f.read(p));
                ignored.add(new IgnoredFile(f.relative(p), "the lock file (provider postgresql), not a migration"));
            } else if (!f.isDirectory(p) || name.startsWith(".")) {
                ignored.add(new IgnoredFile(f.relative(p), f.isDirectory(p) ? "a hidden folder" : "not a migration folder"));
            } else {
                Path script = p.resolve("migration.sql");
                if (!Files.exists(script, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(script)) {
                    throw Problem.usage("The Prisma migration folder " + f.relative(p) + " has no migration.sql.")
                            .why("Prisma reads every folder in the migrations folder as a migration and fails on one without its script.")
                            .fix("Restore migration.sql in that folder, or remove the folder if it is not a migration.")
                            .state("Nothing was changed: files were only read.")
                            .build();
                }
                f.list(p);
                SourceFile file = f.read(script);
                String hash = f.sha256(file);
                migrations.add(new Migration(name, description(name), MigrationKind.VERSIONED, file.relative(), hash, hash,
                        file.text(), 1, true, false));
            }
        }
        if (migrations.isEmpty()) {
            throw f.noMigrations("<folder>/migration.sql");
        }
        return new MigrationSet(tool(), f.relativeFolder(), migrations, ignored);
    }

    private static String description(String dirName) {
        Matcher m = STAMPED.matcher(dirName);
        return m.matches() ? m.group(1) : dirName;
    }

    private static void checkProvider(MigrationFolder f, SourceFile lock) {
        Matcher m = PROVIDER.matcher(lock.text());
        String provider = m.find() ? m.group(1) : null;
        if (!"postgresql".equals(provider)) {
            throw Problem.usage(lock.relative() + " names the provider " + (provider == null ? "(none)" : "\"" + provider + "\"")
                            + ", not \"postgresql\".")
                    .why("Prisma refuses to apply migrations written for another provider, and consolidate serves PostgreSQL only.")
                    .fix("If the project uses PostgreSQL, set provider = \"postgresql\" in " + lock.relative()
                            + "; otherwise this history cannot be consolidated here.")
                    .state("Nothing was changed: files were only read.")
                    .build();
        }
    }

    /** migration_lock.toml as Prisma 6 writes it when it creates the migrations folder (migrate dev, migrate diff). */
    @Override
    public List<LayoutFile> layoutFiles(String folder) {
        return List.of(new LayoutFile(BaselineNames.join(folder, LOCK), "# Please do not edit this file manually\n"
                + "# It should be added in your version-control system (e.g., Git)\n"
                + "provider = \"postgresql\"\n",
                "Prisma checks that it names the datasource's provider before it applies migrations"));
    }

    @Override
    public Optional<HistoryTable> defaultHistoryTable() {
        return Optional.of(TABLE);
    }

    @Override
    public HistorySnapshot readHistory(Connection connection, HistoryTable table) {
        return HistoryTableReader.read(connection, table, List.of("started_at", "id"), row -> {
            boolean rolledBack = !row.isNull("rolled_back_at");
            return new HistoryRow(row.json(), row.text("id"), row.text("migration_name"), null, row.text("checksum"), null,
                    rolledBack ? RowKind.ROLLED_BACK : RowKind.MIGRATION, !rolledBack && !row.isNull("finished_at"));
        });
    }

    @Override
    public Classification classify(MigrationSet local, HistorySnapshot history) {
        Map<String, HistoryRow> rows = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (HistoryRow r : history.rows()) {
            if (r.kind() == RowKind.ROLLED_BACK) {
                notes.add("Row for " + r.version() + " is marked rolled back: Prisma ignores it.");
            } else {
                HistoryRow previous = rows.get(r.version());
                if (previous == null || previous.success() || !r.success()) {
                    rows.put(r.version(), r);
                }
            }
        }
        List<MigrationStatus> entries = new ArrayList<>();
        for (Migration m : local.migrations()) {
            HistoryRow r = rows.remove(m.version());
            if (r == null) {
                entries.add(new MigrationStatus(MigrationState.PENDING, m, null, "no row: migrate deploy would run it"));
            } else if (!r.success()) {
                entries.add(new MigrationStatus(MigrationState.FAILED, m, r,
                        "started but never finished (finished_at and rolled_back_at are null): Prisma refuses to continue"));
            } else if (!checksumMatches(m, r.checksum())) {
                entries.add(new MigrationStatus(MigrationState.CHANGED, m, r,
                        "migration.sql was modified after it was applied (checksum differs)"));
            } else {
                entries.add(new MigrationStatus(MigrationState.APPLIED, m, r, "applied, checksum matches"));
            }
        }
        for (HistoryRow r : rows.values()) {
            entries.add(r.success()
                    ? new MigrationStatus(MigrationState.MISSING_LOCALLY, null, r,
                    "applied to the database but missing from the local migrations directory")
                    : new MigrationStatus(MigrationState.FAILED, null, r, "a failed migration with no local folder"));
        }
        if (!history.present()) {
            notes.add("The history table " + history.table() + " does not exist: the database records no migration as applied.");
        }
        return new Classification(tool(), history.present(), entries, notes.stream().sorted().toList());
    }

    /** Prisma accepts the checksum of the file as stored or with its line ends switched between LF and CRLF. */
    static boolean checksumMatches(Migration m, String stored) {
        if (stored == null) {
            return false;
        }
        if (stored.equalsIgnoreCase(m.checksum())) {
            return true;
        }
        String lf = m.sql().replace("\r\n", "\n");
        String crlf = lf.replace("\n", "\r\n");
        return stored.equalsIgnoreCase(Sha256.hex(lf.getBytes(StandardCharsets.UTF_8)))
                || stored.equalsIgnoreCase(Sha256.hex(crlf.getBytes(StandardCharsets.UTF_8)));
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
        String name = request.converting(tool())
                ? BaselineNames.chosen(request.name(), BaselineNames.stamp(request.clock()) + "_init_consolidated")
                : BaselineNames.chosen(request.name(), DEFAULT_NAME);
        String path = BaselineNames.join(BaselineNames.join(request.targetFolder(), name), "migration.sql");
        return new BaselineIdentity(tool(), name, name, path, BaselineNames.archiveFor(request, tool()));
    }

    @Override
    public HistoryChange historyChange(HistoryChangeRequest request) {
        HistorySnapshot history = request.history();
        HistoryTable table = history.table();
        ChangeStart opening = ChangeStart.of(history, "Prisma", PrismaAdapter::createTable);
        List<String> create = opening.create();
        List<String> uncreate = opening.uncreate();
        List<String> description = opening.description();
        List<String> retire = history.rows().stream().map(HistoryRow::json).toList();
        if (!retire.isEmpty()) {
            description.add("Delete the " + retire.size() + " rows of the consolidated migrations (saved first), so that"
                    + " migrate dev finds no applied migration missing locally.");
        }
        String name = request.baseline().version();
        String now = request.clock().instant().truncatedTo(ChronoUnit.MICROS).toString();
        ObjectNode row = JSON.createObjectNode();
        row.put("id", request.ids().uuid(name));
        row.put("checksum", Sha256.hex(request.baselineFile()));
        row.put("logs", "");
        row.put("started_at", now);
        row.put("finished_at", now);
        row.put("migration_name", name);
        description.add("Insert the row for " + name + " that prisma migrate resolve --applied writes.");
        return new HistoryChange(tool(), table, "id", create, uncreate, retire, List.of(), List.of(row.toString()), description);
    }

    /**
     * What {@code migrate deploy} leaves per migration (schema-engine apply_migrations): a row
     * started with (id, checksum, started_at, migration_name), then applied_steps_count raised to 1
     * (a script is one step) and finished_at set; logs and rolled_back_at stay NULL. Deploy refuses
     * only on failed rows: it checks neither checksums nor rows missing locally.
     */
    @Override
    public HistoryChange appliedHistory(MigrationSet migrations, HistorySnapshot history, Clock clock, IdSource ids) {
        HistoryTable table = history.table();
        Classification c = classify(migrations, history);
        ToolRefusal.check("prisma migrate deploy", migrations, c.in(MigrationState.FAILED));
        ChangeStart opening = ChangeStart.of(history, "Prisma", PrismaAdapter::createTable);
        List<String> create = opening.create();
        List<String> uncreate = opening.uncreate();
        List<String> description = opening.description();
        Instant start = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> inserts = new ArrayList<>();
        for (MigrationStatus e : c.in(MigrationState.PENDING)) {
            Migration m = e.migration();
            // Prisma lists rows by started_at: one microsecond apart keeps the folder's order.
            String at = start.plus(inserts.size(), ChronoUnit.MICROS).toString();
            ObjectNode row = JSON.createObjectNode();
            row.put("id", ids.uuid("migrate deploy " + m.version()));
            row.put("checksum", m.checksum());
            row.put("finished_at", at);
            row.put("migration_name", m.version());
            row.putNull("logs");
            row.putNull("rolled_back_at");
            row.put("started_at", at);
            row.put("applied_steps_count", 1);
            inserts.add(row.toString());
        }
        description.add("Insert the " + inserts.size() + " rows prisma migrate deploy writes as it applies the migrations.");
        return new HistoryChange(tool(), table, "id", create, uncreate, List.of(), List.of(), inserts, description);
    }

    /** The table as Prisma's schema engine creates it for PostgreSQL (flavour/postgres.rs), and its undo. */
    private static void createTable(HistorySnapshot history, List<String> create, List<String> uncreate) {
        HistoryTable table = history.table();
        ChangeStart.inOwnSchema(history, "CREATE TABLE " + table.qualified() + " (\n"
                + "    id                      VARCHAR(36) PRIMARY KEY NOT NULL,\n"
                + "    checksum                VARCHAR(64) NOT NULL,\n"
                + "    finished_at             TIMESTAMPTZ,\n"
                + "    migration_name          VARCHAR(255) NOT NULL,\n"
                + "    logs                    TEXT,\n"
                + "    rolled_back_at          TIMESTAMPTZ,\n"
                + "    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
                + "    applied_steps_count     INTEGER NOT NULL DEFAULT 0\n"
                + ")", create, uncreate);
    }
}
