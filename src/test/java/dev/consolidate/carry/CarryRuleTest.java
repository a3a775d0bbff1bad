package dev.consolidate.carry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The carry rule: an INSERT of literal rows is carried unless a later statement changes what it
 * wrote or how inserts into its table behave; every other data statement is reported, saying why.
 */
class CarryRuleTest {
    private final SqlSplitter splitter = new SqlSplitter();

    /** The decisions for files given as name, SQL, name, SQL, ... in history order. */
    private List<CarryDecision> decide(String... files) {
        List<HistoryStatement> history = new ArrayList<>();
        for (int i = 0; i < files.length; i += 2) {
            for (Statement s : splitter.split(files[i], files[i + 1])) {
                history.add(new HistoryStatement(files[i], s));
            }
        }
        return new CarryRule().decide(history);
    }

    private CarryDecision only(String... files) {
        List<CarryDecision> d = decide(files);
        assertEquals(1, d.size(), d.toString());
        return d.get(0);
    }

    private static void carried(CarryDecision d) {
        assertTrue(d.carried(), d.toString());
        assertNull(d.reason());
    }

    private static void reported(CarryDecision d, String why) {
        assertTrue(!d.carried() && d.reason().contains(why), d.toString());
    }

    private static final String LOOKUP = "CREATE TABLE activities (code text PRIMARY KEY, name text, points int);\n"
            + "INSERT INTO activities (code, name, points) VALUES ('LEARN', 'Learn', 20), ('SHINE', 'Shine', 0);\n";

    @Test
    void anInsertOfLiteralRowsNothingLaterTouchesIsCarried() {
        carried(only("001.sql", LOOKUP));
        carried(only("001.sql", LOOKUP.replace("0);\n", "0) ON CONFLICT (code) DO NOTHING;\n")));
        carried(only("001.sql", "CREATE TABLE t (a text);\nINSERT INTO t VALUES ('select * from t; update t set a = 1');\n"));
        carried(only("001.sql", "INSERT INTO storage.buckets (id, name, public) VALUES ('avatars', 'avatars', true);\n"));
    }

    @Test
    void laterStatementsThatChangeNothingItWroteKeepItCarried() {
        List<CarryDecision> d = decide("001.sql", LOOKUP, "002.sql", """
                ALTER TABLE activities ADD CONSTRAINT activities_points_check CHECK (points >= 0), ENABLE ROW LEVEL SECURITY;
                ALTER TABLE activities ADD COLUMN icon text;
                ALTER TABLE activities OWNER TO postgres;
                CREATE INDEX activities_name ON activities (name);
                CREATE VIEW v AS SELECT * FROM activities;
                CREATE TRIGGER other_trigger BEFORE INSERT ON submissions FOR EACH ROW EXECUTE FUNCTION f();
                CREATE FUNCTION touch() RETURNS void LANGUAGE sql AS $$ UPDATE activities SET points = 1 $$;
                UPDATE "Activities" SET points = 0;
                INSERT INTO activities (code, name, points) VALUES ('PRESENT', 'Present', 20) ON CONFLICT DO NOTHING;
                """);
        assertEquals(3, d.size(), d.toString());
        carried(d.get(0));
        reported(d.get(1), "it changes rows");
        carried(d.get(2));
    }

    @Test
    void aLaterChangeOfItsRowsOrColumnsReportsItNamingTheStatement() {
        for (String later : List.of(
                "UPDATE activities SET points = 25 WHERE code = 'LEARN';",
                "DELETE FROM ONLY activities WHERE code = 'SHINE';",
                "TRUNCATE TABLE other, public.activities;",
                "DROP TABLE IF EXISTS activities CASCADE;",
                "ALTER TABLE activities DROP COLUMN name;",
                "ALTER TABLE IF EXISTS ONLY activities ALTER COLUMN points TYPE bigint;",
                "ALTER TABLE activities RENAME TO stages;",
                "ALTER TABLE activities ALTER COLUMN points SET DEFAULT 10;",
                "ALTER TABLE activities ADD CONSTRAINT c CHECK (points > 5) NOT VALID;",
                "CREATE TRIGGER audit AFTER INSERT ON public.activities FOR EACH ROW EXECUTE FUNCTION audit();",
                "CREATE OR REPLACE RULE r AS ON INSERT TO activities DO INSTEAD NOTHING;",
                "DO $$ BEGIN UPDATE activities SET points = points + 1; END $$;",
                "INSERT INTO activities (code, name, points) VALUES ('LEARN', 'x', 1) ON CONFLICT (code) DO UPDATE SET points = 1;",
                "WITH x AS (DELETE FROM activities RETURNING *) INSERT INTO archive SELECT * FROM x;")) {
            List<CarryDecision> d = decide("001.sql", LOOKUP, "002.sql", "SELECT 1;\n" + later + "\n");
            assertTrue(!d.get(0).carried() && d.get(0).reason().contains("a later statement changes what it wrote: 002.sql:2"),
                    later + " -> " + d.get(0));
        }
    }

    @Test
    void aNewColumnReportsAnInsertThatDoesNotNameItsColumns() {
        String positional = "CREATE TABLE t (a int, b int);\nINSERT INTO t VALUES (1, 2);\n";
        reported(decide("001.sql", positional, "002.sql", "ALTER TABLE t ADD COLUMN c int;\n").get(0),
                "002.sql:1 alters it (ADD COLUMN c)");
        carried(decide("001.sql", positional, "002.sql", "ALTER TABLE t ADD PRIMARY KEY (a);\n").get(0));
    }

    @Test
    void insertsThatReadRowsAreReported() {
        reported(only("007.sql", "INSERT INTO attachments (submission_id, path) SELECT s.id, a.path FROM submissions s,"
                + " jsonb_array_elements_text(s.attachments) a(path);\n"), "it reads rows");
        reported(only("001.sql", "INSERT INTO t (a) VALUES ((SELECT max(a) FROM u));\n"), "it reads rows");
        reported(only("001.sql", "INSERT INTO t (a) WITH x AS (SELECT 1) SELECT * FROM x;\n"), "it reads rows");
    }

    @Test
    void otherDataStatementsAreReportedWithTheirReason() {
        List<CarryDecision> d = decide("006.sql", """
                UPDATE users SET kajabi_contact_id = e.id FROM kajabi_events e WHERE e.user_match = users.id;
                DELETE FROM sessions WHERE expires_at < now();
                TRUNCATE audit_log;
                MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN UPDATE SET a = u.a;
                WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved;
                """);
        assertEquals(5, d.size(), d.toString());
        reported(d.get(0), "it changes rows that existed where the history ran");
        assertEquals(1, d.get(0).line());
        reported(d.get(1), "it removes rows");
        reported(d.get(2), "it empties tables");
        reported(d.get(3), "it changes rows");
        reported(d.get(4), "a WITH query");
    }

    @Test
    void schemasKeepTablesApartOnlyWhenBothAreNamed() {
        String buckets = "INSERT INTO storage.buckets (id, name, public) VALUES ('avatars', 'avatars', true);\n";
        carried(decide("001.sql", buckets, "002.sql", "UPDATE public.buckets SET public = false;\n").get(0));
        reported(decide("001.sql", buckets, "002.sql", "UPDATE buckets SET public = false;\n").get(0), "updates its rows");
        reported(decide("001.sql", buckets, "002.sql", "UPDATE storage.buckets SET public = false;\n").get(0), "updates its rows");
    }

    @Test
    void anUnqualifiedInsertAfterASearchPathChangeInItsFileIsReported() {
        String insert = "INSERT INTO settings (k, v) VALUES ('mode', 'live');\n";
        reported(only("001.sql", "SET search_path = app;\n" + insert), "after 001.sql:1 changed the search_path");
        reported(only("001.sql", "SELECT set_config('search_path', 'app', false);\n" + insert), "changed the search_path");
        carried(only("000.sql", "SET search_path = app;\n", "001.sql", insert));
        carried(only("001.sql", "SET search_path = app;\nINSERT INTO app.settings (k, v) VALUES ('mode', 'live');\n"));
    }
}
