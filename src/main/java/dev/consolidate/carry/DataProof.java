package dev.consolidate.carry;

import dev.consolidate.catalog.parity.BaselineApplier;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.EnvironmentSetup;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.scratch.ScratchServer;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proof that the data file carries what it claims: the rows the carried statements' tables
 * hold after the history is replayed are read (hashed) from the replayed database; a fresh
 * database is built from the environment, the baseline and the data file; its rows must be
 * equal where every data statement into the table is carried, and among the history's where
 * some are reported. What a later function call did to a table, which no reading of the text
 * can see, shows up here.
 */
public final class DataProof {
    private final EnvironmentSetup setup;
    private final BaselineApplier applier;
    private final SqlSplitter splitter;

    public DataProof(EnvironmentSetup setup, BaselineApplier applier, SqlSplitter splitter) {
        this.setup = setup;
        this.applier = applier;
        this.splitter = splitter;
    }

    /** @param lines one per table, saying what was compared and how it came out (counts and column names, never values) */
    public record Outcome(boolean holds, List<String> lines) {
    }

    /**
     * The tables the carried statements insert into, read from the replayed history.
     *
     * @param carried         the carried statements, in history order
     * @param reportedTargets the targets (as written) of the data statements reported instead; a
     *                        null target makes every table's comparison "among the history's"
     */
    public List<CarriedTable> readHistory(ScratchDatabase replayed, EnvironmentSpec spec, List<HistoryStatement> carried,
                                          List<String> reportedTargets) throws SQLException {
        Map<String, List<CarriedInsert>> byTable = new LinkedHashMap<>();
        for (HistoryStatement h : carried) {
            CarriedInsert.of(h.statement()).ifPresent(i -> byTable.computeIfAbsent(i.table(), t -> new ArrayList<>()).add(i));
        }
        List<CarriedTable> out = new ArrayList<>();
        try (Connection session = setup.openSession(replayed, spec)) {
            for (Map.Entry<String, List<CarriedInsert>> e : byTable.entrySet()) {
                out.add(RowReader.readDeciding(session, e.getKey(), complete(e.getKey(), reportedTargets), e.getValue()));
            }
        }
        return out;
    }

    private static boolean complete(String table, List<String> reportedTargets) {
        TableName t = TableName.parse(table);
        for (String target : reportedTargets) {
            TableName r = TableName.parse(target);
            if (r == null || t == null || r.matches(t)) {
                return false;
            }
        }
        return true;
    }

    /** Builds environment, baseline and data file in a fresh scratch database and compares the rows with the history's. */
    public Outcome prove(ScratchServer server, EnvironmentSpec spec, String baselineLabel, String baselineSql, String dataLabel,
                         String dataSql, List<CarriedTable> history) {
        try (ScratchDatabase db = server.create("data")) {
            setup.apply(db, spec);
            try (Connection session = setup.openSession(db, spec)) {
                applier.apply(session, baselineLabel, baselineSql);
                applyData(session, dataLabel, dataSql);
                List<String> lines = new ArrayList<>();
                boolean holds = true;
                for (CarriedTable h : history) {
                    CarriedTable rebuilt = RowReader.readLike(session, h);
                    String verdict = verdict(h, rebuilt);
                    holds &= verdict == null;
                    lines.add(h.table().replace("\"", "") + ": " + (verdict == null ? agreed(h, rebuilt) : verdict)
                            + " (compared: " + (h.columns().isEmpty() ? "row count" : String.join(", ", h.columns())) + ")");
                }
                return new Outcome(holds, lines);
            }
        } catch (SQLException e) {
            throw Problem.stepFailed("Could not prove the carried data in a scratch database: " + e.getMessage())
                    .why("The scratch server stopped answering or refused the session.")
                    .fix("Run --resume; if it repeats, check the scratch server.")
                    .state("Only a scratch database was written; it is dropped. Nothing was archived or written to production.")
                    .cause(e)
                    .build();
        }
    }

    private void applyData(Connection session, String label, String sql) throws SQLException {
        session.setAutoCommit(false);
        for (Statement st : splitter.split(label, sql)) {
            try (java.sql.Statement s = session.createStatement()) {
                s.setEscapeProcessing(false);
                s.execute(st.text());
            } catch (SQLException e) {
                session.rollback();
                throw Problem.drift("The carried data " + label + " failed at line " + st.line() + " on a database built from"
                                + " the baseline: " + e.getMessage())
                        .why("A carried statement must leave on the baseline what it left in the history; this one does not"
                                + " even run there.")
                        .fix("Report this with the run folder: the carry rule let through a statement it should have"
                                + " reported. Meanwhile, plan again after moving that statement into a later migration of its own.")
                        .state("Only a scratch database was written; it is dropped. The baseline and data file are in place"
                                + " (--rollback removes them); nothing was archived or written to production.")
                        .cause(e)
                        .build();
            }
        }
        session.commit();
        session.setAutoCommit(true);
    }

    /** Null when the rebuilt rows are what the history left; else what differs, in counts. */
    private static String verdict(CarriedTable history, CarriedTable rebuilt) {
        if (history.relation() == null) {
            return "the history leaves no such table";
        }
        if (rebuilt.relation() == null) {
            return "a database built from the baseline has no such table";
        }
        int missing = notIn(history.rowHashes(), rebuilt.rowHashes());
        int extra = notIn(rebuilt.rowHashes(), history.rowHashes());
        if (extra > 0) {
            return rebuilt.rowHashes().size() + " rows from the data file, " + extra + " of them not left by the history ("
                    + history.rowHashes().size() + " rows)";
        }
        if (history.complete() && missing > 0) {
            return "the history leaves " + history.rowHashes().size() + " rows, the data file " + rebuilt.rowHashes().size();
        }
        return null;
    }

    private static String agreed(CarriedTable history, CarriedTable rebuilt) {
        return history.complete() ? rebuilt.rowHashes().size() + " rows, equal to the history's"
                : rebuilt.rowHashes().size() + " rows, all among the history's " + history.rowHashes().size()
                + " (other statements into it are reported)";
    }

    /** How many of {@code a} (a multiset) are not matched in {@code b}. */
    private static int notIn(List<String> a, List<String> b) {
        Map<String, Integer> left = new HashMap<>();
        b.forEach(h -> left.merge(h, 1, Integer::sum));
        int missing = 0;
        for (String h : a) {
            Integer n = left.get(h);
            if (n == null || n == 0) {
                missing++;
            } else {
                left.put(h, n - 1);
            }
        }
        return missing;
    }
}
