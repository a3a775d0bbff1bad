package dev.consolidate.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexBuildsTest {

    private static BackupManifest.TableEntry table(String schema, String name, long bytes) {
        return new BackupManifest.TableEntry(schema, name, List.of("id"), "data/x", 1, bytes, "s", "c");
    }

    @Test
    void onlySingleTableIndexBuildsOnOrdinaryTablesRunSideBySide() {
        String postData = """
                SET check_function_bodies = false;

                -- constraint small_pkey on app.small
                ALTER TABLE ONLY app.small
                    ADD CONSTRAINT small_pkey PRIMARY KEY (id);

                -- constraint big_pkey on app.big
                ALTER TABLE ONLY app.big
                    ADD CONSTRAINT big_pkey PRIMARY KEY (id);
                COMMENT ON CONSTRAINT big_pkey ON app.big IS 'key';

                -- index big_note_idx on app.big
                CREATE INDEX big_note_idx ON app.big USING btree (lower(note)) WHERE (note IS NOT NULL);
                ALTER TABLE app.big CLUSTER ON big_note_idx;

                -- constraint big_small_fkey on app.big
                ALTER TABLE app.big
                    ADD CONSTRAINT big_small_fkey FOREIGN KEY (small_id) REFERENCES app.small(id);

                -- an index on a partitioned table, one on its partition, and the attachment
                CREATE INDEX parted_idx ON ONLY app.parted USING btree (id);
                CREATE INDEX parted_1_idx ON app.parted_1 USING btree (id);
                ALTER INDEX app.parted_idx ATTACH PARTITION app.parted_1_idx;

                -- an index on a materialized view (not a table of the backup)
                CREATE UNIQUE INDEX totals_idx ON app.totals USING btree (id);

                CREATE UNIQUE INDEX "Odd name" ON app."Big Table" USING btree (id);

                RESET check_function_bodies;
                """;
        Map<TableName, BackupManifest.TableEntry> ordinary = Map.of(
                new TableName("app", "small"), table("app", "small", 10),
                new TableName("app", "big"), table("app", "big", 1000),
                new TableName("app", "Big Table"), table("app", "Big Table", 500));
        IndexBuilds.Split split = IndexBuilds.split(postData, ordinary);

        assertEquals(List.of(
                "ALTER TABLE ONLY app.big\n    ADD CONSTRAINT big_pkey PRIMARY KEY (id)",
                "CREATE INDEX big_note_idx ON app.big USING btree (lower(note)) WHERE (note IS NOT NULL)",
                "CREATE UNIQUE INDEX \"Odd name\" ON app.\"Big Table\" USING btree (id)",
                "ALTER TABLE ONLY app.small\n    ADD CONSTRAINT small_pkey PRIMARY KEY (id)"),
                split.builds().stream().map(IndexBuilds.Build::sql).toList());
        assertEquals("""
                SET check_function_bodies = false;
                COMMENT ON CONSTRAINT big_pkey ON app.big IS 'key';
                ALTER TABLE app.big CLUSTER ON big_note_idx;
                ALTER TABLE app.big
                    ADD CONSTRAINT big_small_fkey FOREIGN KEY (small_id) REFERENCES app.small(id);
                CREATE INDEX parted_idx ON ONLY app.parted USING btree (id);
                CREATE INDEX parted_1_idx ON app.parted_1 USING btree (id);
                ALTER INDEX app.parted_idx ATTACH PARTITION app.parted_1_idx;
                CREATE UNIQUE INDEX totals_idx ON app.totals USING btree (id);
                RESET check_function_bodies;
                """, split.rest());
    }

    @Test
    void aScriptTheSplitterCannotCutRunsWholeAsBefore() {
        String postData = "CREATE INDEX a_idx ON app.a USING btree (id);\n\\connect other\n";
        IndexBuilds.Split split = IndexBuilds.split(postData, Map.of(new TableName("app", "a"), table("app", "a", 1)));
        assertEquals(List.of(), split.builds());
        assertEquals(postData, split.rest());
    }

    @Test
    void statementsThatDoMoreThanBuildOneIndexAreNotBuilds() {
        assertNull(IndexBuilds.target("ALTER TABLE ONLY app.a ADD CONSTRAINT a_pkey PRIMARY KEY (id), "
                + "ADD CONSTRAINT a_b_fkey FOREIGN KEY (b) REFERENCES app.b(id)"));
        assertNull(IndexBuilds.target("ALTER TABLE ONLY app.a ADD CONSTRAINT a_check CHECK (id > 0)"));
        assertNull(IndexBuilds.target("ALTER TABLE app.a ADD CONSTRAINT a_key UNIQUE (id)"));
        TableName a = new TableName("app", "a");
        assertEquals(a, IndexBuilds.target("ALTER TABLE ONLY app.a\n    ADD CONSTRAINT a_ex EXCLUDE USING gist (r WITH &&)"));
        assertEquals(a, IndexBuilds.target("ALTER TABLE ONLY app.a ADD CONSTRAINT a_key UNIQUE NULLS NOT DISTINCT (x)"));
    }

    @Test
    void theTableIsNamedAsTheCatalogNamesItHoweverTheScriptQuotesIt() {
        assertEquals(new TableName("app", "a"), IndexBuilds.target("CREATE INDEX i ON \"app\".\"a\" USING btree (id)"));
        assertEquals(new TableName("App", "Big \"T\""),
                IndexBuilds.target("CREATE INDEX i ON \"App\".\"Big \"\"T\"\"\" USING btree (id)"));
        assertEquals(new TableName("app", "a.b"), IndexBuilds.target("CREATE INDEX i ON app.\"a.b\" USING btree (id)"));
        // A bare name in capitals folds to lower case on the server; it is not read here, so the
        // statement keeps its place in the rest.
        assertNull(IndexBuilds.target("CREATE INDEX i ON App.a USING btree (id)"));
    }
}
