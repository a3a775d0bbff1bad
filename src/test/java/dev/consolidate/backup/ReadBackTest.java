package dev.consolidate.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table read back in block ranges over several sessions adds up to the table read whole. */
class ReadBackTest {

    @Test
    void partsOverSeveralSessionsAddUpToTheWholeTable() throws Exception {
        try (ScratchDatabase db = TestPostgres.server().create("read_back"); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE public.t (id int, note text, payload bytea, total numeric GENERATED ALWAYS AS (id * 2) STORED)");
                s.execute("INSERT INTO public.t (id, note, payload) SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE repeat('n', g % 300)"
                        + " || E'\\t\\n' END, decode(md5(g::text), 'hex') FROM generate_series(1, 20000) g");
                // a deleted row and an updated one leave holes and a row in a later block
                s.execute("DELETE FROM public.t WHERE id = 5");
                s.execute("UPDATE public.t SET note = 'moved' WHERE id = 10");
            }
            BackupManifest.TableEntry t = new BackupManifest.TableEntry("public", "t", List.of("id", "note", "payload"),
                    "tables/0001.copy", 0, Long.MAX_VALUE, "", "");
            CopyDigest whole = ReadBack.read(c, new ReadBack.Part(t, 0, -1));
            assertEquals(19999, whole.rows());

            for (int sessions : new int[] {2, 3, 7}) {
                List<ReadBack.Part> parts = ReadBack.parts(c, t, sessions, 0);
                assertEquals(sessions, parts.size(), "one part per session");
                List<CopyDigest> read = new ArrayList<>();
                for (ReadBack.Part p : parts) {
                    CopyDigest d = ReadBack.read(c, p);
                    assertNotEquals(0, d.rows(), "every part holds rows: " + p);
                    read.add(d);
                }
                CopyDigest combined = ReadBack.combine(read);
                assertEquals(whole.rows(), combined.rows(), sessions + " parts");
                assertEquals(whole.bytes(), combined.bytes(), sessions + " parts");
                assertEquals(whole.contentHash(), combined.contentHash(), sessions + " parts");
            }
            assertEquals(List.of(new ReadBack.Part(t, 0, -1)), ReadBack.parts(c, t, 1, 0), "one session reads it whole");
        }
    }
}
