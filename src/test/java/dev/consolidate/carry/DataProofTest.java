package dev.consolidate.carry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.parity.BaselineApplier;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.EnvironmentSetup;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.sql.Statement;
import dev.consolidate.testsupport.TestPostgres;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data proof compares the rows the history leaves with the rows baseline plus data file
 * leave, and catches what the carry rule cannot read: a later function call that changed them.
 */
class DataProofTest {
    private final SqlSplitter splitter = new SqlSplitter();
    private final EnvironmentSetup setup = new EnvironmentSetup(splitter, Clock.systemUTC());
    private final DataProof proof = new DataProof(setup, new BaselineApplier(splitter), splitter);
    private final CarryRule rule = new CarryRule();

    private static final String SCHEMA = """
            CREATE TABLE settings (k text PRIMARY KEY, v text NOT NULL, changed_at timestamptz NOT NULL DEFAULT now());
            CREATE FUNCTION go_live() RETURNS void LANGUAGE sql AS $$ UPDATE settings SET v = 'live' $$;
            """;

    /** Replays {@code history}, carries what the rule carries, and proves it against {@code baseline}. */
    private DataProof.Outcome run(String history, String baseline) throws Exception {
        List<HistoryStatement> statements = new ArrayList<>();
        for (Statement s : splitter.split("001.sql", history)) {
            statements.add(new HistoryStatement("001.sql", s));
        }
        List<CarryDecision> decisions = rule.decide(statements);
        List<HistoryStatement> carried = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        int d = 0;
        for (HistoryStatement h : statements) {
            if (h.statement().has(dev.consolidate.sql.StatementTrait.DATA_CHANGE)) {
                if (decisions.get(d++).carried()) {
                    carried.add(h);
                } else {
                    reported.add(dev.consolidate.sql.DataChange.of(h.statement()).orElseThrow().target());
                }
            }
        }
        EnvironmentSpec spec = EnvironmentSpec.none();
        List<CarriedTable> tables;
        try (ScratchDatabase replayed = TestPostgres.server().create("proof history")) {
            try (Connection c = replayed.connect(); java.sql.Statement st = c.createStatement()) {
                st.execute(history);
            }
            tables = proof.readHistory(replayed, spec, carried, reported);
        }
        return proof.prove(TestPostgres.server(), spec, "baseline.sql", baseline, "data.sql",
                DataFileText.of(new DataFile("data.sql", "test", null), "plan", "baseline.sql", carried, List.of()), tables);
    }

    @Test
    void carriedRowsEqualTheHistorysLeavingOutWhatTheServerFills() throws Exception {
        DataProof.Outcome o = run(SCHEMA + "INSERT INTO settings (k, v) VALUES ('mode', 'test'), ('region', 'eu');\n", SCHEMA);
        assertTrue(o.holds(), o.lines().toString());
        assertEquals(List.of("settings: 2 rows, equal to the history's (compared: k, v)"), o.lines());
    }

    @Test
    void aLaterFunctionCallThatChangedTheRowsFailsTheProof() throws Exception {
        String history = SCHEMA + "INSERT INTO settings (k, v) VALUES ('mode', 'test');\nSELECT go_live();\n";
        DataProof.Outcome o = run(history, SCHEMA);
        assertFalse(o.holds());
        assertEquals(List.of("settings: 1 rows from the data file, 1 of them not left by the history (1 rows) (compared: k, v)"),
                o.lines(), "counts and column names only, never values");
    }

    @Test
    void withSomeStatementsReportedTheCarriedRowsNeedOnlyBeAmongTheHistorys() throws Exception {
        String history = SCHEMA + "CREATE TABLE legacy (k text, v text);\nINSERT INTO legacy VALUES ('theme', 'dark');\n"
                + "INSERT INTO settings (k, v) VALUES ('mode', 'test');\n"
                + "INSERT INTO settings (k, v) SELECT k, v FROM legacy;\n";
        DataProof.Outcome o = run(history, SCHEMA + "CREATE TABLE legacy (k text, v text);\n");
        assertTrue(o.holds(), o.lines().toString());
        assertTrue(o.lines().contains("settings: 1 rows, all among the history's 2 (other statements into it are reported)"
                + " (compared: k, v)"), o.lines().toString());
    }

    @Test
    void aDataFileThatDoesNotRunOnTheBaselineStopsWithParityExitCode() {
        String history = SCHEMA + "INSERT INTO settings (k, v) VALUES ('mode', 'test');\n";
        Problem p = assertThrows(Problem.class, () -> run(history, "CREATE TABLE settings (k text PRIMARY KEY);\n"));
        assertEquals(ExitCode.DRIFT, p.exitCode());
        assertTrue(p.what().startsWith("The carried data data.sql failed at line "), p.what());
    }
}
