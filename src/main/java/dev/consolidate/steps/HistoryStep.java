package dev.consolidate.steps;

import dev.consolidate.db.Identifiers;
import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.history.HistoryChange;
import dev.consolidate.history.HistoryRow;
import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.HistoryWriter;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.history.ToolAdapter;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.plan.Plan;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.plan.StalePlan;
import dev.consolidate.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Step 7, the only write to production: in one short transaction (lock_timeout and
 * statement_timeout set) writes the baseline's history row exactly as the tool would and retires
 * the old rows, after saving every row as it was. Before committing it reads the table back and
 * asks the tool's own rules whether the tool would be green; otherwise it rolls back. Undo deletes
 * our rows and restores the saved ones, byte for byte.
 */
public final class HistoryStep implements ProtocolStep {
    static final String BEFORE = "history/rows-before.json";
    static final String RESTORE = "history/rows-to-restore.json";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final String LOCK_TIMEOUT = "5s";
    static final String STATEMENT_TIMEOUT = "60s";

    private final RunInputs in;
    private final ToolRegistry tools;
    private final ProductionSource production;
    private final HistoryWriter writer;

    public HistoryStep(RunInputs in, ToolRegistry tools, ProductionSource production, HistoryWriter writer) {
        this.in = in;
        this.tools = tools;
        this.production = production;
        this.writer = writer;
    }

    @Override
    public StepName name() {
        return StepName.HISTORY;
    }

    public static Path beforeFile(RunInputs in) {
        return in.runFolder().artifacts().resolve(BEFORE);
    }

    /** The rows an undo puts back (retired and updated rows as they were): a JSON array of row objects. */
    public static Path restoreFile(RunInputs in) {
        return in.runFolder().artifacts().resolve(RESTORE);
    }

    private static String restoreJson(HistoryChange change) {
        StringBuilder sb = new StringBuilder("[\n");
        List<String> rows = new java.util.ArrayList<>(change.retire());
        change.updates().forEach(u -> rows.add(u.before()));
        for (int i = 0; i < rows.size(); i++) {
            sb.append("  ").append(rows.get(i)).append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        return sb.append("]\n").toString();
    }

    @Override
    public Progress execute(StepContext ctx) throws Exception {
        Journal j = ctx.journal();
        j.record("started", in.clock().instant().toString());
        if (!Files.exists(BaselineStep.changeFile(in))) {
            j.record("committed", "nothing to write: " + in.plan().project().targetTool() + " keeps no history table");
            return Progress.DONE;
        }
        HistoryChange change = BaselineStep.readChange(in);
        ToolAdapter target = tools.adapter(change.tool());
        j.record("table", change.table().toString());
        try (Connection c = production.access().openForWriting()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                s.execute("SET LOCAL statement_timeout = '" + STATEMENT_TIMEOUT + "'");
            }
            if (HistoryWriter.tableExists(c, change.table())) {
                // Nobody writes the table between our check of its rows and our commit.
                try (Statement s = c.createStatement()) {
                    s.execute("LOCK TABLE " + change.table().qualified() + " IN SHARE ROW EXCLUSIVE MODE");
                }
            }
            HistorySnapshot before = target.readHistory(c, change.table());
            if (writer.isApplied(c, change)) {
                c.rollback();
                j.record("committed", "found applied (the run stopped after its commit)");
                j.record("described", String.join(" ", change.description()));
                return Progress.DONE;
            }
            refuseChangedRows(before);
            if (!Files.exists(beforeFile(in))) {
                Files.createDirectories(beforeFile(in).getParent());
                AtomicFiles.writeString(restoreFile(in), restoreJson(change));
                AtomicFiles.writeString(beforeFile(in), rowsJson(before));
            }
            j.record("applying", in.clock().instant().toString());
            ctx.faultPoint("history:before-apply");
            try {
                writer.apply(c, change);
                MigrationSet local = tools.resolve(in.projectRoot(), in.plan().project().targetTool(),
                        Path.of(in.plan().project().targetFolder())).discover();
                List<String> complaints = target.toolView(local, target.readHistory(c, change.table()));
                if (!complaints.isEmpty()) {
                    c.rollback();
                    throw Problem.stepFailed("After writing the history rows, " + change.tool() + " would still complain:\n  "
                                    + String.join("\n  ", complaints))
                            .why("The history step commits only when the tool's own rules say it is green.")
                            .fix("Check that the migrations folder holds the baseline and nothing unplanned, then run --resume.")
                            .state("The transaction was rolled back: production's history table is unchanged.")
                            .build();
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                // Rolled back for certain: nothing of ours is in the table, so an undo must leave it alone.
                j.forget("applying");
                throw e instanceof Problem p ? p.withState("The transaction was rolled back: production's history table is "
                        + "unchanged. " + (p.state() == null ? "" : p.state())) : failed(e);
            }
            // A failing commit may still have committed: "applying" stays, and --resume or --rollback finds out.
            c.commit();
        }
        ctx.faultPoint("history:committed");
        j.record("committed", in.clock().instant().toString());
        j.record("described", String.join(" ", change.description()));
        return Progress.DONE;
    }

    private Problem failed(Exception e) {
        boolean lock = e instanceof SQLException se && "55P03".equals(se.getSQLState());
        return Problem.stepFailed("Writing the history rows failed: " + e.getMessage())
                .why(lock ? "Another session held a lock on the history table longer than " + LOCK_TIMEOUT + " (lock_timeout)."
                        : "The server refused a statement of the history change.")
                .fix(lock ? "Wait for that session (a running migration?) to finish, then run --resume."
                        : "Fix the cause, then run --resume.")
                .state("The transaction was rolled back: production's history table is unchanged.")
                .cause(e)
                .build();
    }

    /**
     * The rows must still be those the plan read: the change was decided from them, and a row
     * someone added, edited or removed since (a deploy, a hand edit) would be overwritten or lost.
     * Compared where the plan read the same table (not when converting to another tool's table).
     */
    private void refuseChangedRows(HistorySnapshot now) {
        Plan plan = in.plan();
        if (!plan.project().targetTool().equals(plan.project().tool())) {
            return;
        }
        List<String> changed = StalePlan.rowDifferences(plan, now);
        if (!changed.isEmpty()) {
            throw Problem.precondition("The history table " + now.table() + " in production changed since the plan was made:\n  "
                            + String.join("\n  ", changed))
                    .why("The history step writes the baseline's row over exactly the rows the plan read; someone ran the "
                            + "migration tool or edited the table since.")
                    .fix("Undo this run with --rollback and plan again (the new rows are then part of the plan); or, if the "
                            + "change was a mistake, put the rows back as they were and run --resume.")
                    .state("Nothing was written to the history table (the transaction was rolled back).")
                    .build();
        }
    }

    /** The table's rows as a sorted JSON array of row texts: equal text means byte-identical rows. */
    static String rowsJson(HistorySnapshot h) {
        StringBuilder sb = new StringBuilder("[\n");
        List<String> rows = h.rows().stream().map(HistoryRow::json).sorted().toList();
        for (int i = 0; i < rows.size(); i++) {
            sb.append("  ").append(rows.get(i)).append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        return sb.append("]\n").toString();
    }

    @Override
    public void compensate(StepContext ctx) throws Exception {
        if (!Files.exists(BaselineStep.changeFile(in)) || !mayHaveWritten(ctx.journalOf(name()))) {
            return;
        }
        HistoryChange change = BaselineStep.readChange(in);
        ToolAdapter target = tools.adapter(change.tool());
        try (Connection c = production.access().openForWriting()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                s.execute("SET LOCAL statement_timeout = '" + STATEMENT_TIMEOUT + "'");
            }
            ctx.faultPoint("undo-history:before");
            writer.undo(c, change);
            if (Files.exists(beforeFile(in)) && HistoryWriter.tableExists(c, change.table())) {
                String now = rowsJson(target.readHistory(c, change.table()));
                if (!now.equals(Files.readString(beforeFile(in)))) {
                    c.rollback();
                    throw Problem.manual("Undoing the history change would not restore the rows as they were.")
                            .why("Someone changed " + change.table() + " after this run wrote to it.")
                            .fix("Compare the table with " + in.projectRoot().relativize(beforeFile(in)) + " and restore it by "
                                    + "hand (ROLLBACK.md shows how), then run --rollback again.")
                            .state("The undo was rolled back: the table is as it was before this undo.")
                            .build();
                }
            }
            c.commit();
        }
        ctx.journal().record("undone", in.clock().instant().toString());
    }

    /**
     * Whether a transaction of ours may have committed: one reached its writes ("applying" is
     * forgotten when it was rolled back) or the step completed. Otherwise the table holds nothing of
     * ours, and an undo must not touch rows others may have changed since.
     */
    private static boolean mayHaveWritten(Journal forward) {
        return forward.get("table").isPresent() && (forward.get("applying").isPresent() || forward.get("committed").isPresent());
    }

    @Override
    public String describeDone(StepContext ctx) {
        Journal j = ctx.journalOf(name());
        return j.get("committed").map(c -> j.get("described").orElse(c)).orElse("");
    }

    @Override
    public String describeUndo(StepContext ctx) {
        Journal j = ctx.journalOf(name());
        if (j.get("table").isPresent() && !mayHaveWritten(j)) {
            return "Nothing to undo: no row was written to " + j.get("table").get() + ".";
        }
        return j.get("table").map(t -> "In one transaction in production: deletes the rows this run wrote to "
                + t + " and puts back every retired row exactly as saved in the run folder (" + BEFORE
                + "), then checks the table equals what it was before.").orElse("Nothing to undo.");
    }

    /**
     * psql commands: delete the rows this run wrote (by key) and the updated rows, then put back
     * the saved rows from the run folder's file (read by psql, so row contents, which may hold
     * migration text, never appear in the runbook).
     */
    @Override
    public List<String> manualUndo(StepContext ctx) {
        if (!mayHaveWritten(ctx.journalOf(name())) || !Files.exists(BaselineStep.changeFile(in))) {
            return List.of();
        }
        try {
            HistoryChange change = BaselineStep.readChange(in);
            String t = change.table().qualified();
            String key = Identifiers.quote(change.keyColumn());
            List<String> keys = new java.util.ArrayList<>();
            for (String row : change.inserts()) {
                keys.add(literal(JSON.readTree(row).path(change.keyColumn()).asText()));
            }
            for (var u : change.updates()) {
                keys.add(literal(JSON.readTree(u.before()).path(change.keyColumn()).asText()));
            }
            List<String> out = new java.util.ArrayList<>();
            out.add("psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 <<'SQL'");
            out.add("\\set rows `cat '" + restoreFile(in) + "'`");
            out.add("BEGIN;");
            out.add("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "';");
            if (!keys.isEmpty()) {
                out.add("DELETE FROM " + t + " WHERE " + key + "::text IN (" + String.join(", ", keys) + ");");
            }
            out.add("INSERT INTO " + t + " SELECT * FROM json_populate_recordset(NULL::" + t + ", :'rows');");
            change.uncreate().forEach(ddl -> out.add(ddl + ";"));
            out.add("COMMIT;");
            out.add("SQL");
            return out;
        } catch (java.io.IOException e) {
            return List.of("-- the saved history change could not be read: " + e.getMessage());
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
