package dev.consolidate.history;

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
 * A plain numbered folder ({@code 0001-name.sql}, {@code 001_name.sql}) applied in the order of the
 * integer prefix (00010 is 10, after 9), without a history table consolidate can read. Honours the
 * postgres-migrations markers supabase/storage uses: "-- postgres-migrations ignore" (recorded, run
 * as nothing) and "-- postgres-migrations disable-transaction".
 */
public final class PlainSqlAdapter implements ToolAdapter {
    private static final Pattern FILE = Pattern.compile("^(\\d+)(?:([-_.])(.*))?\\.sql$");
    static final String IGNORE_MARKER = "-- postgres-migrations ignore";
    static final String NO_TRANSACTION_MARKER = "-- postgres-migrations disable-transaction";
    /** Stands in where a table is expected: a plain folder has none. */
    static final HistoryTable NO_TABLE = new HistoryTable(null, "(no history table)");

    @Override
    public Tool tool() {
        return Tool.SQL;
    }

    @Override
    public String defaultFolder() {
        return "migrations";
    }

    @Override
    public Optional<String> recognise(Path dir) {
        long n = Detect.countFiles(dir, name -> FILE.matcher(name).matches());
        return n == 0 ? Optional.empty() : Optional.of(n + " .sql files named with a number first");
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
                ignored.add(new IgnoredFile(f.relative(p), f.isFile(p) ? "name does not start with a number and end in .sql" : "not a file"));
                continue;
            }
            SourceFile file = f.read(p);
            BigInteger number = new BigInteger(m.group(1));
            String previous = seen.putIfAbsent(number, file.relative());
            if (previous != null) {
                throw f.duplicate(number.toString(), previous, file.relative());
            }
            String text = file.text();
            migrations.add(new Migration(number.toString(), m.group(3) == null ? "" : m.group(3), MigrationKind.VERSIONED,
                    file.relative(), f.sha256(file), null, text, 1, !text.contains(NO_TRANSACTION_MARKER), text.contains(IGNORE_MARKER)));
        }
        if (migrations.isEmpty()) {
            throw f.noMigrations("<number>-<name>.sql or <number>_<name>.sql");
        }
        migrations.sort(Comparator.comparing(m -> new BigInteger(m.version())));
        return new MigrationSet(tool(), f.relativeFolder(), migrations, ignored);
    }

    @Override
    public Optional<HistoryTable> defaultHistoryTable() {
        return Optional.empty();
    }

    @Override
    public HistorySnapshot readHistory(Connection connection, HistoryTable table) {
        return HistorySnapshot.absent(table == null ? NO_TABLE : table, null, false);
    }

    @Override
    public Classification classify(MigrationSet local, HistorySnapshot history) {
        List<MigrationStatus> entries = local.migrations().stream()
                .map(m -> new MigrationStatus(MigrationState.NOT_TRACKED, m, null,
                        m.skipped() ? "marked \"postgres-migrations ignore\": recorded but run as nothing" : "no history table to say whether it ran"))
                .toList();
        return new Classification(tool(), false, entries,
                List.of("A plain folder keeps no history consolidate can read: production's schema is the only record of what ran."));
    }

    @Override
    public List<String> toolView(MigrationSet local, HistorySnapshot history) {
        return List.of();
    }

    @Override
    public BaselineIdentity baseline(BaselineRequest request) {
        String digits = "1";
        String separator = "-";
        if (!request.converting(tool())) {
            Migration newest = request.source().migrations().get(request.source().migrations().size() - 1);
            Matcher m = FILE.matcher(newest.path().substring(newest.path().lastIndexOf('/') + 1));
            if (m.matches()) {
                digits = m.group(1);
                separator = m.group(2) == null ? "-" : m.group(2);
            }
        }
        String name = BaselineNames.chosen(request.name(), separator.equals("-") ? "consolidated-baseline" : BaselineNames.DEFAULT);
        String path = BaselineNames.join(request.targetFolder(), digits + separator + name + ".sql");
        return new BaselineIdentity(tool(), new BigInteger(digits).toString(), name, path, BaselineNames.archiveFor(request, tool()));
    }

    @Override
    public HistoryChange historyChange(HistoryChangeRequest request) {
        return HistoryChange.none(tool(), NO_TABLE, "version", "A plain folder has no history table: nothing to write.");
    }

    @Override
    public HistoryChange appliedHistory(MigrationSet migrations, HistorySnapshot history, Clock clock, IdSource ids) {
        return HistoryChange.none(tool(), NO_TABLE, "version", "A plain folder keeps no history: applying it records nothing.");
    }
}
