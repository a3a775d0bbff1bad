package dev.consolidate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consolidate.catalog.parity.BaselineApplier;
import dev.consolidate.history.Tool;
import dev.consolidate.replay.EnvironmentSetup;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.JobStandIn;
import dev.consolidate.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the execute path, a Supabase history's privileges and its objects in platform schemas reach
 * the baseline and the parity report: a function with EXECUTE revoked from PUBLIC and granted to
 * one role, a default privilege, a trigger on auth.users, a policy on storage.objects. Checked
 * independently of the catalog engine: a database built from the platform and the baseline alone
 * holds the same privileges (never wider), default privileges, trigger and policy as production.
 */
class PlatformPrivilegesExecuteTest {
    @TempDir
    Path work;

    private static final String HISTORY_1 = """
            create table public.profiles (
                id uuid primary key references auth.users (id) on delete cascade,
                display_name text
            );
            alter table public.profiles enable row level security;

            create function public.handle_new_user() returns trigger
            language plpgsql security definer set search_path = ''
            as $$
            begin
                insert into public.profiles (id, display_name) values (new.id, new.raw_user_meta_data ->> 'display_name');
                return new;
            end;
            $$;

            create trigger on_auth_user_created after insert on auth.users
                for each row execute function public.handle_new_user();
            """;
    private static final String HISTORY_2 = """
            -- Only the service role may read the statistics.
            create function public.admin_stats() returns bigint
            language sql stable security definer set search_path = ''
            as $$ select count(*) from public.profiles $$;
            revoke execute on function public.admin_stats() from public, anon, authenticated;
            grant execute on function public.admin_stats() to service_role;

            -- Tables created later are readable by signed-in users only.
            alter default privileges in schema public revoke all on tables from anon;
            alter default privileges in schema public grant select on tables to authenticated;

            insert into storage.buckets (id, name, public) values ('avatars', 'avatars', false);
            create table public.audit (id bigint generated always as identity primary key, note text);

            create policy "avatar upload" on storage.objects for insert to authenticated
                with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = auth.uid()::text);
            """;

    @Test
    void privilegesDefaultPrivilegesAndPlatformObjectsSurviveTheExecution() throws Exception {
        Path project = work.resolve("project");
        Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(project.resolve("supabase/migrations/20250101000000_profiles.sql"), HISTORY_1);
        Files.writeString(project.resolve("supabase/migrations/20250102000000_admin_and_storage.sql"), HISTORY_2);
        Path job = work.resolve("platform.job");
        // The carried bucket as a file the CLI does not run, as asked for here (the default is a migration).
        Files.writeString(job, "dir = project\ntool = supabase\nproduction = embedded\ndata-as-migration = false\n");

        CommandLine.Run plan = run(job, "--plan");
        assertEquals(0, plan.exitCode(), plan.all());
        CommandLine.Run execute = run(job, "--execute", "--yes");
        assertEquals(0, execute.exitCode(), execute.all());

        String planId = Files.readString(project.resolve(".consolidate/CURRENT")).strip();
        Path baselineFile = project.resolve("supabase/migrations/20250102000000_consolidated_baseline.sql");
        String baseline = Files.readString(baselineFile);
        assertTrue(baseline.contains("CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users"), baseline);
        assertTrue(baseline.contains("CREATE POLICY \"avatar upload\" ON storage.objects"), baseline);
        assertTrue(baseline.contains("ALTER DEFAULT PRIVILEGES"), baseline);
        assertFalse(baseline.contains("avatars', 'avatars'"), "rows stay out of the baseline");
        assertTrue(Files.readString(project.resolve("supabase/migrations/consolidated_data.sql"))
                .contains("insert into storage.buckets (id, name, public) values ('avatars', 'avatars', false);"));

        JsonNode parity = new ObjectMapper().readTree(project.resolve("consolidation").resolve(planId).resolve("parity.json").toFile());
        assertTrue(parity.path("holds").asBoolean(), parity.toString());
        assertTrue(Files.readString(project.resolve("consolidation").resolve(planId).resolve("PARITY.md"))
                .contains("consolidated_data.sql: storage.buckets: 1 rows, equal to the history's"), "the bucket is proved carried");
        List<String> compared = new ArrayList<>();
        parity.path("objects").forEach(o -> compared.add(o.path("object").asText()));
        for (String object : List.of("trigger on_auth_user_created on auth.users", "policy avatar upload on storage.objects",
                "function public.admin_stats()")) {
            assertTrue(compared.contains(object), object + " is compared: " + compared);
        }
        assertTrue(compared.stream().anyMatch(o -> o.startsWith("default privileges")), compared.toString());

        Map<String, String> production;
        try (JobStandIn s = JobStandIn.open(project); Connection c = s.db().connect()) {
            production = facts(c);
            assertEquals("20250102000000 consolidated_baseline true", lines(c, "SELECT version || ' ' || name || ' '"
                    + " || (array_to_string(statements, ';\n') LIKE '%CREATE POLICY \"avatar upload\" ON storage.objects%')"
                    + " FROM supabase_migrations.schema_migrations"), "the baseline's row alone, with its statements");
        }
        Map<String, String> rebuilt;
        try (ScratchDatabase db = TestPostgres.server().create("baseline only")) {
            EnvironmentSpec spec = EnvironmentSpec.of("supabase", Tool.SUPABASE, null, project, Map.of());
            EnvironmentSetup setup = new EnvironmentSetup(new SqlSplitter(), Clock.systemUTC());
            setup.apply(db, spec);
            try (Connection session = setup.openSession(db, spec)) {
                new BaselineApplier(new SqlSplitter()).apply(session, "baseline", baseline);
            }
            try (Connection c = db.connect()) {
                rebuilt = facts(c);
                assertFalse(bool(c, "SELECT has_function_privilege('anon', 'public.admin_stats()', 'EXECUTE')"));
                assertFalse(bool(c, "SELECT has_function_privilege('authenticated', 'public.admin_stats()', 'EXECUTE')"));
                assertTrue(bool(c, "SELECT has_function_privilege('service_role', 'public.admin_stats()', 'EXECUTE')"));
            }
        }
        assertTrue(production.get("function privileges").contains("admin_stats() service_role EXECUTE"),
                production.get("function privileges"));
        assertEquals(production, rebuilt, "built from the baseline alone, the database grants what production grants");
    }

    private CommandLine.Run run(Path job, String... mode) {
        List<String> args = new ArrayList<>(List.of("--job", job.toString(), "--scratch",
                "url:postgresql://postgres@127.0.0.1:" + TestPostgres.server().port() + "/postgres"));
        args.addAll(List.of(mode));
        return CommandLine.run(args.toArray(String[]::new));
    }

    /** What the test compares, read with plain catalog queries that share nothing with the catalog engine. */
    private static Map<String, String> facts(Connection c) throws Exception {
        return Map.of(
                "function privileges", lines(c, """
                        SELECT p.oid::regprocedure::text || ' ' || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END
                               || ' ' || a.privilege_type || CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END
                          FROM pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                         WHERE p.pronamespace = 'public'::regnamespace"""),
                "table privileges", lines(c, """
                        SELECT r.oid::regclass::text || ' ' || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END
                               || ' ' || a.privilege_type
                          FROM pg_class r, aclexplode(coalesce(r.relacl, acldefault('r', r.relowner))) a
                         WHERE r.relnamespace = 'public'::regnamespace AND r.relkind IN ('r', 'v', 'm', 'S')"""),
                "default privileges", lines(c, """
                        SELECT d.defaclrole::regrole::text || ' ' || coalesce(d.defaclnamespace::regnamespace::text, '-') || ' '
                               || d.defaclobjtype::text || ' ' || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END
                               || ' ' || a.privilege_type
                          FROM pg_default_acl d, aclexplode(d.defaclacl) a"""),
                "triggers on auth.users", lines(c, """
                        SELECT t.tgname || ' ' || pg_get_triggerdef(t.oid) FROM pg_trigger t
                         WHERE t.tgrelid = 'auth.users'::regclass AND NOT t.tgisinternal"""),
                "policies on storage.objects", lines(c, """
                        SELECT p.polname || ' ' || p.polcmd::text || ' ' || pg_get_expr(p.polwithcheck, p.polrelid) || ' '
                               || array_to_string(ARRAY(SELECT r::regrole::text FROM unnest(p.polroles) r), ',')
                          FROM pg_policy p WHERE p.polrelid = 'storage.objects'::regclass"""));
    }

    private static String lines(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        out.sort(null);
        return String.join("\n", out);
    }

    private static boolean bool(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
