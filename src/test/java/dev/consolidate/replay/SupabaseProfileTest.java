package dev.consolidate.replay;

import static dev.consolidate.replay.Histories.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.history.Tool;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SupabaseProfileTest {
    private static final String USER_MIGRATION = """
            create table public.profiles (
                id uuid primary key default uuid_generate_v4(),
                user_id uuid not null unique references auth.users (id) on delete cascade,
                secret text default encode(gen_random_bytes(8), 'hex')
            );
            alter table public.profiles enable row level security;
            create policy "own profile" on public.profiles for all
                using (user_id = auth.uid()) with check (user_id = auth.uid());

            create function auth.is_admin() returns boolean
                language sql stable
            as $$ select coalesce(auth.jwt() ->> 'role' = 'admin', false) $$;

            create function public.handle_new_user() returns trigger
                language plpgsql security definer set search_path = public
            as $$
            begin
                insert into public.profiles (user_id) values (new.id);
                return new;
            end;
            $$;
            create trigger on_auth_user_created after insert on auth.users
                for each row execute procedure public.handle_new_user();

            insert into storage.buckets (id, name, public) values ('avatars', 'avatars', false);
            create policy "own avatars" on storage.objects for insert to authenticated
                with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = auth.uid()::text);

            grant select on public.profiles to anon;
            grant execute on function auth.is_admin() to authenticated;
            alter publication supabase_realtime add table public.profiles;
            """;

    @Test
    void aMigrationOnThePlatformsObjectsReplaysAndTheEnvironmentListsThePlatform() throws Exception {
        Replayer replayer = new Replayer(new SqlSplitter(), Clock.systemUTC());
        EnvironmentSpec spec = EnvironmentSpec.none().withProfile(Profile.defaultFor(Tool.SUPABASE).orElseThrow());
        try (ScratchDatabase db = TestPostgres.server().create("supabase profile")) {
            ReplayResult r = replayer.replay(db, spec,
                    replayer.prepare(List.of(file("supabase/migrations/20240101000000_profiles.sql", USER_MIGRATION)), spec, db.server()),
                    ReplayListener.NONE);

            Environment env = r.environment();
            assertEquals("supabase", env.profile());
            for (EnvironmentObject platform : List.of(
                    new EnvironmentObject("schema", "", "auth"),
                    new EnvironmentObject("schema", "", "storage"),
                    new EnvironmentObject("schema", "", "extensions"),
                    new EnvironmentObject("schema", "", "graphql_public"),
                    new EnvironmentObject("schema", "", "realtime"),
                    new EnvironmentObject("table", "auth", "users"),
                    new EnvironmentObject("table", "auth", "identities"),
                    new EnvironmentObject("table", "storage", "buckets"),
                    new EnvironmentObject("table", "storage", "objects"),
                    new EnvironmentObject("function", "auth", "uid()"),
                    new EnvironmentObject("function", "auth", "role()"),
                    new EnvironmentObject("function", "auth", "jwt()"),
                    new EnvironmentObject("function", "auth", "email()"),
                    new EnvironmentObject("function", "storage", "foldername(text)"),
                    new EnvironmentObject("function", "storage", "filename(text)"),
                    new EnvironmentObject("function", "storage", "extension(text)"),
                    new EnvironmentObject("extension", "extensions", "uuid-ossp"),
                    new EnvironmentObject("extension", "extensions", "pgcrypto"),
                    new EnvironmentObject("constraint", "auth", "users.users_pkey"),
                    new EnvironmentObject("publication", "", "supabase_realtime"))) {
                assertTrue(env.objects().contains(platform), "environment lacks " + platform);
            }
            for (EnvironmentObject mine : List.of(
                    new EnvironmentObject("trigger", "auth", "users.on_auth_user_created"),
                    new EnvironmentObject("policy", "storage", "objects.own avatars"),
                    new EnvironmentObject("function", "auth", "is_admin()"),
                    new EnvironmentObject("table", "public", "profiles"))) {
                assertFalse(env.objects().contains(mine), "the history's object is not the environment's: " + mine);
            }
            assertTrue(env.roles().containsAll(Set.of("anon", "authenticated", "service_role", "supabase_admin", "authenticator",
                    "supabase_auth_admin", "supabase_storage_admin")), env.roles().toString());
            assertTrue(env.ownsSchema("auth") && env.ownsSchema("storage") && env.ownsSchema("vault"));
            assertTrue(env.ownsSchema("public"), "public exists before any migration");
            assertFalse(env.ownsSchema("app"));

            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("insert into auth.users (id, email) values ('00000000-0000-0000-0000-000000000001', 'a@example.com')");
                assertEquals(1, one(s, "select count(*) from public.profiles where user_id = '00000000-0000-0000-0000-000000000001'"));
                assertEquals(1, one(s, "select count(*) from pg_policy where polname = 'own avatars'"));
                assertEquals(1, one(s, "select count(*) from information_schema.role_table_grants"
                        + " where table_name = 'profiles' and grantee = 'authenticated' and privilege_type = 'DELETE'"));
                assertEquals(1, one(s, "select count(*) from pg_publication_tables where pubname = 'supabase_realtime'"));
                assertEquals(2, one(s, "select cardinality(storage.foldername('a/b/c.png')) "));
                assertEquals(1, one(s, "select count(*) where storage.filename('a/b/c.png') = 'c.png'"
                        + " and storage.extension('a/b/c.png') = 'png'"));
            }
        }
    }

    @Test
    void theEnvironmentIsTheSameEachTimeItIsBuilt() {
        EnvironmentSetup setup = new EnvironmentSetup(new SqlSplitter(), Clock.systemUTC());
        EnvironmentSpec spec = EnvironmentSpec.none().withProfile(Profile.named("supabase"));
        try (ScratchDatabase first = TestPostgres.server().create("supabase env a");
             ScratchDatabase second = TestPostgres.server().create("supabase env b")) {
            assertEquals(setup.apply(first, spec), setup.apply(second, spec));
        }
    }

    private static int one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
