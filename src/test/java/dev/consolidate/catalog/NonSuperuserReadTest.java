package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Production's role is often not a superuser (Supabase's postgres is not): the catalog must be
 * readable by an ordinary role, user mappings included. A regression test for reading
 * pg_user_mapping, which only superusers may read.
 */
class NonSuperuserReadTest {

    @Test
    void anOrdinaryRoleReadsTheWholeCatalogIncludingUserMappings() throws Exception {
        try (ScratchDatabase db = TestPostgres.server().create("non superuser")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'catalog_reader') THEN "
                        + "CREATE ROLE catalog_reader LOGIN NOSUPERUSER; END IF; END $$");
                s.execute("CREATE TABLE public.t (id int PRIMARY KEY)");
                s.execute("CREATE FOREIGN DATA WRAPPER nsr_fdw");
                s.execute("CREATE SERVER nsr_server FOREIGN DATA WRAPPER nsr_fdw");
                s.execute("CREATE USER MAPPING FOR catalog_reader SERVER nsr_server OPTIONS (user 'remote', password 'not-read')");
            }
            Properties p = new Properties();
            p.setProperty("user", "catalog_reader");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), p)) {
                Snapshot s = new CatalogReader().read(c);
                assertEquals(1, s.ofKind(ObjectKind.TABLE).size());
                assertTrue(s.unmodelled().stream().anyMatch(o -> o.key().display().contains("user mapping")),
                        "the user mapping is still reported as an object the snapshot cannot model");
            }
        }
    }
}
