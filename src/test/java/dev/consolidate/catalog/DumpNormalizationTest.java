package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DumpNormalizationTest {

    @Test
    void dropsTheRandomRestrictKeyAndNothingElse() {
        String dump = "--\n\\restrict AbC123\n\nSET statement_timeout = 0;\nCREATE TABLE public.t (a integer);\n\\unrestrict AbC123\n";
        assertEquals("--\n\nSET statement_timeout = 0;\nCREATE TABLE public.t (a integer);\n", DumpNormalization.apply(dump));
    }

    @Test
    void comparesEachObjectsPrivilegesAsASet() {
        String a = "--\nGRANT USAGE ON SCHEMA s TO b;\nGRANT CREATE ON SCHEMA s TO a;\n\n--\nGRANT ALL ON TABLE s.t TO x;\n";
        String b = "--\nGRANT CREATE ON SCHEMA s TO a;\nGRANT USAGE ON SCHEMA s TO b;\n\n--\nGRANT ALL ON TABLE s.t TO x;\n";
        assertEquals(DumpNormalization.apply(a), DumpNormalization.apply(b));
        assertEquals("--\nGRANT USAGE ON SCHEMA s TO b;\n--\nGRANT CREATE ON SCHEMA s TO a;\n",
                DumpNormalization.apply("--\nGRANT USAGE ON SCHEMA s TO b;\n--\nGRANT CREATE ON SCHEMA s TO a;\n"), "runs do not merge");
    }
}
