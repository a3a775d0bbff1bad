package dev.consolidate.catalog.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A schema a migration tool created for its history table alone (the Supabase CLI's
 * supabase_migrations) is the tool's, like the table; a schema that also holds the history's
 * objects stays in scope.
 */
class HistorySchemaScopeTest {

    @Test
    void aSchemaHoldingOnlyTheHistoryTableIsLeftOut() throws Exception {
        CatalogReader reader = new CatalogReader();
        try (ScratchDatabase db = TestPostgres.server().create("history_schema"); Connection c = db.connect()) {
            Snapshot environment = reader.read(c);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA supabase_migrations; CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY,"
                        + " statements text[], name text)");
                s.execute("CREATE SCHEMA app; CREATE TABLE app.flyway_schema_history (installed_rank int PRIMARY KEY);"
                        + " CREATE TABLE app.orders (id int PRIMARY KEY)");
            }
            Scope scope = Scope.plain(environment).excludingTables(List.of("supabase_migrations.schema_migrations",
                    "app.flyway_schema_history"));
            List<String> kept = scope.apply(reader.read(c)).objects().objects().stream().map(CatalogObject::key)
                    .map(k -> k.display()).sorted().toList();
            assertEquals(List.of("constraint orders_pkey on app.orders", "schema app", "table app.orders"), kept);
        }
    }
}
