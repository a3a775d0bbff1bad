package dev.consolidate.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One migration tool's rules: its files and their order, its history table, what "applied" means
 * to it, the baseline it needs, the rows it would write to mark the baseline applied, and what its
 * own status or validate command would say. Implementations hold no state.
 */
public interface ToolAdapter {

    Tool tool();

    /** The tool's default migrations folder, relative to the project root, '/'-separated. */
    String defaultFolder();

    /**
     * Evidence that {@code dir} is a migrations folder of this tool (e.g. "12 files named
     * V<version>__<description>.sql"), or empty. Reads at most a few files.
     */
    Optional<String> recognise(Path dir);

    /**
     * The migrations of {@code folder} (relative to {@code projectRoot} or absolute) in the order the
     * tool applies them.
     *
     * @throws dev.consolidate.problem.Problem (usage) for a missing or empty folder, no migrations,
     *                                         duplicate versions, unreadable or non-UTF-8 files,
     *                                         symbolic links leading out of the folder, and the
     *                                         tool's own refusals (Prisma provider, dbmate sections)
     */
    MigrationSet discover(Path projectRoot, Path folder);

    /** Where the tool keeps its history by default (schema null: the connection's current schema); empty for a plain folder. */
    Optional<HistoryTable> defaultHistoryTable();

    /**
     * Reads the history table through {@code connection} (the caller makes it read-only). Creates
     * nothing; an absent table is a snapshot with {@code present == false}.
     */
    HistorySnapshot readHistory(Connection connection, HistoryTable table);

    /** Every file's and every row's standing by the tool's own rules. */
    Classification classify(MigrationSet local, HistorySnapshot history);

    /** The baseline's version, name, file and archive folder by the tool's rules. */
    BaselineIdentity baseline(BaselineRequest request);

    /** The baseline file's text given the baseline SQL (dbmate wraps it in its up and down sections). */
    default String baselineFileText(String baselineSql) {
        return baselineSql;
    }

    /**
     * The files the tool keeps beside its migrations in {@code folder} (relative to the project
     * root), with the content the tool gives them when it creates them; none for most tools.
     */
    default List<LayoutFile> layoutFiles(String folder) {
        return List.of();
    }

    /** The rows to write and retire so the tool takes the baseline as applied and complains about nothing. */
    HistoryChange historyChange(HistoryChangeRequest request);

    /**
     * The change the tool itself makes to its history table when it applies {@code migrations} the
     * normal way (Supabase {@code db push} / {@code migration up}, Prisma {@code migrate deploy},
     * Flyway {@code migrate}, dbmate {@code up}, golang-migrate {@code up}) to the database whose
     * history is {@code history}: the table created exactly as the tool creates it when absent, and
     * a row for every migration the tool would run, written as the tool writes it; rows already
     * there stay. A database whose schema was built by replaying the same files then holds the
     * history table the tool would have left, and {@link #classify} calls every migration applied.
     *
     * <p>Deterministic: generated ids come from {@code ids}, timestamps from {@code clock} (one
     * microsecond apart where the tool orders rows by time), execution times are 0.
     *
     * @throws dev.consolidate.problem.Problem (precondition) where the tool itself would refuse to
     *                                         run anything (a failed or edited migration, an applied
     *                                         migration without its file, ...)
     */
    HistoryChange appliedHistory(MigrationSet migrations, HistorySnapshot history, Clock clock, IdSource ids);

    /**
     * What the tool's own status/validate would complain about, given the local files and the
     * history rows (empty: the tool is green). Mirrors the tool, including what it ignores.
     */
    List<String> toolView(MigrationSet local, HistorySnapshot history);
}
