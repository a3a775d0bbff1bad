package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.parity.RoundTripOracle;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * measure's trap: CHECK (name IN (...)) on a varchar column deparses differently once it is
 * created again from its own deparsed text. The oracle settles that by asking the server, and
 * still tells a real change apart.
 */
class RoundTripOracleTest {
    private static final String FIRST = "CHECK (((name)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))";
    private static final String AGAIN = "CHECK (((name)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text])))";

    @Test
    void aDeparseDifferenceIsNotDriftButAChangedExpressionIs() throws Exception {
        try (ScratchDatabase db = TestPostgres.server().create("oracle")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE public.apps (name varchar(40), CONSTRAINT apps_name_check CHECK (name IN ('a', 'b')))");
                s.execute("CREATE TABLE public.rebuilt (name varchar(40))");
                s.execute("ALTER TABLE public.rebuilt ADD CONSTRAINT rebuilt_name_check " + FIRST);
                try (ResultSet rs = s.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'rebuilt_name_check'")) {
                    rs.next();
                    assertEquals(AGAIN, rs.getString(1), "the server's deparse is not a fixpoint");
                }
            }
            CatalogObject expected = constraint(FIRST);
            CatalogObject actual = constraint(AGAIN);
            try (Connection c = db.connect(); RoundTripOracle oracle = new RoundTripOracle(c)) {
                assertTrue(oracle.sameExpression(expected, actual, "definition", FIRST, AGAIN));
                String other = "CHECK (((name)::text = ANY (ARRAY[('a'::character varying)::text, ('c'::character varying)::text])))";
                assertFalse(oracle.sameExpression(expected, constraint(other), "definition", FIRST, other));
            }
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_constraint WHERE conname LIKE 'consolidate_probe%'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "probes are rolled back");
            }
        }
    }

    @Test
    void refusesAnythingButAScratchDatabase() throws Exception {
        try (Connection c = TestPostgres.server().maintenanceConnection()) {
            assertThrows(IllegalArgumentException.class, () -> new RoundTripOracle(c));
        }
    }

    private static CatalogObject constraint(String definition) {
        return CatalogObject.of(new ObjectKey(ObjectKind.CONSTRAINT, "public", "apps_name_check", "apps", null),
                "{\"definition\": \"" + definition.replace("\"", "\\\"") + "\"}", null, List.of());
    }
}
