package dev.consolidate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.catalog.ddl.Baseline;
import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.catalog.diff.DiffReport;
import dev.consolidate.catalog.diff.FieldDifference;
import dev.consolidate.catalog.diff.ObjectDifference;
import dev.consolidate.catalog.parity.ParityResult;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A baseline that lost something, or says something else, fails parity, and the report names the
 * object and the field: an index, a policy, a grant, a default, the trigger on auth.users removed,
 * a policy's USING changed.
 */
class DamagedBaselineTest {

    @Test
    void eachDamageIsNamedByObjectAndField() throws Exception {
        CatalogHarness h = new CatalogHarness(TestPostgres.server());
        Scenario s = Scenario.named("supabase-platform");
        try (ScratchDatabase db = h.server.create("damaged")) {
            CatalogHarness.Replayed r = h.replay(db, s.environment(), s.history());
            Baseline good = h.baseline(r.scoped(), "damaged");
            String damaged = good.sql();
            damaged = remove(damaged, "CREATE INDEX users_tenant_id_idx ON auth.users USING btree (tenant_id);\n");
            damaged = remove(damaged, "CREATE POLICY \"avatars are public\" ON storage.objects\n    FOR SELECT\n    TO anon, authenticated\n"
                    + "    USING ((bucket_id = 'avatars'::text));\n");
            damaged = remove(damaged, "GRANT SELECT (id) ON TABLE auth.users TO authenticated;\n");
            damaged = replace(damaged, "created_at timestamp with time zone DEFAULT now() NOT NULL",
                    "created_at timestamp with time zone NOT NULL");
            damaged = remove(damaged, "CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW"
                    + " EXECUTE FUNCTION public.handle_new_user();\n");
            damaged = replace(damaged, "CREATE POLICY \"profiles are readable\" ON public.profiles\n    FOR SELECT\n    TO PUBLIC\n    USING (true);",
                    "CREATE POLICY \"profiles are readable\" ON public.profiles\n    FOR SELECT\n    TO PUBLIC\n    USING (false);");

            ParityResult result = h.parity.check(h.server, s.environment(), r.scoped(), "damaged.sql", damaged, ComparisonRules.standard());
            String report = DiffReport.markdown(result.diff(), "replay", "damaged baseline");
            assertFalse(result.holds(), report);
            Map<String, String> found = new TreeMap<>();
            for (ObjectDifference d : result.diff().differences()) {
                String what = d instanceof ObjectDifference.Changed c
                        ? "changed " + c.fields().stream().map(FieldDifference::path).collect(Collectors.joining(","))
                        : d instanceof ObjectDifference.Removed ? "missing" : "unexpected";
                found.put(d.key().display(), what);
            }
            Map<String, String> expected = new TreeMap<>(Map.of(
                    "index users_tenant_id_idx on auth.users", "missing",
                    "policy avatars are public on storage.objects", "missing",
                    "table auth.users", "changed columns[id].acl",
                    "table public.messages", "changed columns[created_at].default",
                    "trigger on_auth_user_created on auth.users", "missing",
                    "policy profiles are readable on public.profiles", "changed using"));
            assertEquals(expected, found, report);
            assertTrue(report.contains("- missing: trigger on_auth_user_created on auth.users"), report);
            assertTrue(report.contains("  - using: expected `\"true\"`, actual `\"false\"`"), report);
        }
    }

    private static String remove(String sql, String statement) {
        return replace(sql, statement, "");
    }

    private static String replace(String sql, String from, String to) {
        assertTrue(sql.contains(from), "the baseline holds: " + from);
        return sql.replace(from, to);
    }
}
