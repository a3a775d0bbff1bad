package dev.consolidate.catalog.parity;

import dev.consolidate.problem.Problem;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs a baseline file in a session, statement by statement in one transaction, so a failure
 * names the line of the baseline that the server refused and leaves nothing half-applied.
 */
public final class BaselineApplier {
    private final SqlSplitter splitter;

    public BaselineApplier(SqlSplitter splitter) {
        this.splitter = splitter;
    }

    /** {@code label} names the file in messages (e.g. "supabase/migrations/..._baseline.sql"). */
    public void apply(Connection session, String label, String sql) throws SQLException {
        List<Statement> statements = splitter.split(label, sql);
        boolean autoCommit = session.getAutoCommit();
        session.setAutoCommit(false);
        try {
            for (Statement st : statements) {
                try (java.sql.Statement s = session.createStatement()) {
                    s.setEscapeProcessing(false);
                    s.execute(st.text());
                } catch (SQLException e) {
                    session.rollback();
                    String first = st.text().lines().findFirst().orElse("");
                    throw Problem.drift("The baseline " + label + " failed at line " + st.line() + ": " + e.getMessage()
                                    + "\n  statement: " + (first.length() > 120 ? first.substring(0, 120) + " ..." : first))
                            .why("The baseline does not apply to a fresh database prepared like the source's environment,"
                                    + " so it cannot stand in for the history.")
                            .fix("Report this with the snapshot JSON and the baseline; the catalog holds something the writer"
                                    + " renders wrongly.")
                            .state("Only a scratch database was written; it is dropped.")
                            .cause(e)
                            .build();
                }
            }
            session.commit();
        } finally {
            session.setAutoCommit(autoCommit);
        }
    }
}
