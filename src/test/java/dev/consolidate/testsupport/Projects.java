package dev.consolidate.testsupport;

import dev.consolidate.history.MigrationSet;
import dev.consolidate.history.Tool;
import dev.consolidate.history.ToolAdapter;
import dev.consolidate.history.ToolRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Small, realistic project folders, one per tool, each in the tool's own layout: a few migrations
 * that between them create tables, an index, a function, a trigger, a row-level policy and a grant.
 * The SaaS-style history (accounts and their notes) is the same for every tool but Supabase, whose
 * history builds on the platform (auth.users, auth.uid(), the anon and authenticated roles).
 *
 * <p>The grants go to {@code app_reader}, created by the first migration only where it is missing:
 * roles are cluster-wide and the test server is shared.
 */
public final class Projects {
    /** The role the generated histories grant to. */
    public static final String READER_ROLE = "app_reader";

    private static final ToolRegistry TOOLS = ToolRegistry.standard();

    private Projects() {
    }

    /**
     * A project folder with its migrations.
     *
     * @param root   the project root
     * @param tool   whose layout the migrations follow
     * @param folder the migrations folder, relative to the root, '/'-separated
     */
    public record Project(Path root, Tool tool, String folder) {
        public Project {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(folder, "folder");
        }

        public Path folderPath() {
            return root.resolve(folder);
        }

        public ToolAdapter adapter() {
            return TOOLS.adapter(tool);
        }

        /** The migrations as the tool's adapter finds them, in the order the tool applies them. */
        public MigrationSet migrations() {
            return adapter().discover(root, Path.of(folder));
        }

        /** Writes (or overwrites) a file below the root, creating its folders: e.g. one more migration. */
        public Project file(String relative, String text) {
            write(root.resolve(relative), text);
            return this;
        }
    }

    /** The project of {@code tool}'s generator. */
    public static Project of(Tool tool, Path root) {
        return switch (tool) {
            case SUPABASE -> supabase(root);
            case PRISMA -> prisma(root);
            case FLYWAY -> flyway(root);
            case DBMATE -> dbmate(root);
            case GOLANG_MIGRATE -> golangMigrate(root);
            case SQL -> plainSql(root);
        };
    }

    /** {@code supabase/migrations/<timestamp>_<name>.sql}: profiles for auth.users, its policies and sign-up trigger. */
    public static Project supabase(Path root) {
        Project p = new Project(root, Tool.SUPABASE, "supabase/migrations");
        p.file("supabase/config.toml", "project_id = \"consolidate-fixture\"\n");
        p.file(p.folder() + "/20240101093000_create_profiles.sql", """
                -- One profile per user of auth.users.
                create table public.profiles (
                  id uuid not null references auth.users (id) on delete cascade,
                  username text unique,
                  full_name text,
                  updated_at timestamptz default now(),
                  primary key (id),
                  constraint username_length check (char_length(username) >= 3)
                );

                alter table public.profiles enable row level security;
                create index profiles_updated_at_idx on public.profiles (updated_at desc);
                """);
        p.file(p.folder() + "/20240102110000_profiles_policies.sql", """
                create policy "Public profiles are viewable by everyone." on public.profiles
                  for select using (true);

                create policy "Users can update own profile." on public.profiles
                  for update using ((select auth.uid()) = id);

                grant select on public.profiles to anon, authenticated;
                grant update (username, full_name) on public.profiles to authenticated;
                """);
        p.file(p.folder() + "/20240103120000_handle_new_user.sql", """
                -- Creates the profile when somebody signs up.
                create function public.handle_new_user()
                returns trigger
                language plpgsql
                security definer set search_path = ''
                as $$
                begin
                  insert into public.profiles (id, full_name)
                  values (new.id, new.raw_user_meta_data ->> 'full_name');
                  return new;
                end;
                $$;

                create trigger on_auth_user_created
                  after insert on auth.users
                  for each row execute procedure public.handle_new_user();
                """);
        return p;
    }

    /** {@code prisma/migrations/<timestamp>_<name>/migration.sql} as prisma migrate dev writes them, plus migration_lock.toml. */
    public static Project prisma(Path root) {
        Project p = new Project(root, Tool.PRISMA, "prisma/migrations");
        p.file("prisma/schema.prisma", """
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }
                """);
        p.file(p.folder() + "/migration_lock.toml", """
                # Please do not edit this file manually
                # It should be added in your version-control system (e.g., Git)
                provider = "postgresql"
                """);
        p.file(p.folder() + "/20240101093000_init/migration.sql", READER + """
                -- CreateTable
                CREATE TABLE "Account" (
                    "id" SERIAL NOT NULL,
                    "email" TEXT NOT NULL,
                    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

                    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
                );

                -- CreateTable
                CREATE TABLE "Note" (
                    "id" SERIAL NOT NULL,
                    "accountId" INTEGER NOT NULL,
                    "body" TEXT NOT NULL,
                    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

                    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
                );

                -- CreateIndex
                CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email");

                -- AddForeignKey
                ALTER TABLE "Note" ADD CONSTRAINT "Note_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
                """);
        p.file(p.folder() + "/20240102110000_note_account_index/migration.sql", """
                -- CreateIndex
                CREATE INDEX "Note_accountId_idx" ON "Note"("accountId");
                """);
        p.file(p.folder() + "/20240103120000_touch_and_policies/migration.sql", """
                -- Hand-written: keep updatedAt current and let each account see its own notes.
                CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW."updatedAt" := CURRENT_TIMESTAMP;
                  RETURN NEW;
                END;
                $$;

                CREATE TRIGGER "Note_touch" BEFORE UPDATE ON "Note" FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

                ALTER TABLE "Note" ENABLE ROW LEVEL SECURITY;
                CREATE POLICY "Note_owner" ON "Note" USING ("accountId" = NULLIF(current_setting('app.account_id', true), '')::int);
                GRANT SELECT ON "Account", "Note" TO app_reader;
                """);
        return p;
    }

    /** {@code src/main/resources/db/migration}: V1, V1.1 (dotted), V2 and a repeatable R__ view. */
    public static Project flyway(Path root) {
        Project p = new Project(root, Tool.FLYWAY, "src/main/resources/db/migration");
        p.file(p.folder() + "/V1__create_accounts.sql", READER + ACCOUNTS);
        p.file(p.folder() + "/V1.1__notes_index_and_trigger.sql", INDEX_AND_TRIGGER);
        p.file(p.folder() + "/V2__notes_policy_and_grant.sql", POLICY_AND_GRANT);
        p.file(p.folder() + "/R__note_counts_view.sql", """
                CREATE OR REPLACE VIEW note_counts AS
                SELECT account_id, count(*) AS notes FROM notes GROUP BY account_id;
                """);
        return p;
    }

    /** {@code db/migrations/<timestamp>_<name>.sql} with {@code -- migrate:up} and {@code -- migrate:down} sections. */
    public static Project dbmate(Path root) {
        Project p = new Project(root, Tool.DBMATE, "db/migrations");
        p.file(p.folder() + "/20240101093000_create_accounts.sql",
                "-- migrate:up\n" + READER + ACCOUNTS + "\n-- migrate:down\nDROP TABLE notes;\nDROP TABLE accounts;\n");
        p.file(p.folder() + "/20240102110000_notes_index_and_trigger.sql",
                "-- migrate:up\n" + INDEX_AND_TRIGGER + "\n-- migrate:down\n" + DROP_INDEX_AND_TRIGGER);
        p.file(p.folder() + "/20240103120000_notes_policy_and_grant.sql",
                "-- migrate:up\n" + POLICY_AND_GRANT + "\n-- migrate:down\n" + DROP_POLICY_AND_GRANT);
        return p;
    }

    /** {@code migrations/<version>_<name>.up.sql} and {@code .down.sql} pairs. */
    public static Project golangMigrate(Path root) {
        Project p = new Project(root, Tool.GOLANG_MIGRATE, "migrations");
        p.file(p.folder() + "/000001_create_accounts.up.sql", READER + ACCOUNTS);
        p.file(p.folder() + "/000001_create_accounts.down.sql", "DROP TABLE IF EXISTS notes;\nDROP TABLE IF EXISTS accounts;\n");
        p.file(p.folder() + "/000002_notes_index_and_trigger.up.sql", INDEX_AND_TRIGGER);
        p.file(p.folder() + "/000002_notes_index_and_trigger.down.sql", DROP_INDEX_AND_TRIGGER);
        p.file(p.folder() + "/000003_notes_policy_and_grant.up.sql", POLICY_AND_GRANT);
        p.file(p.folder() + "/000003_notes_policy_and_grant.down.sql", DROP_POLICY_AND_GRANT);
        return p;
    }

    /** {@code migrations/<number>-<name>.sql}, numbered so that lexical order would be wrong (9 before 10). */
    public static Project plainSql(Path root) {
        Project p = new Project(root, Tool.SQL, "migrations");
        p.file(p.folder() + "/0009-create-accounts.sql", READER + ACCOUNTS);
        p.file(p.folder() + "/0010-notes-index-and-trigger.sql", INDEX_AND_TRIGGER);
        p.file(p.folder() + "/0011-notes-policy-and-grant.sql", POLICY_AND_GRANT);
        return p;
    }

    /** Every tool's project, each in its own sub-folder of {@code parent} named after the tool. */
    public static List<Project> all(Path parent) {
        return List.of(Tool.values()).stream().map(t -> of(t, parent.resolve(t.cliName()))).toList();
    }

    private static final String READER = """
            DO $$ BEGIN CREATE ROLE app_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

            """;

    private static final String ACCOUNTS = """
            CREATE TABLE accounts (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL DEFAULT now()
            );

            CREATE TABLE notes (
                id bigserial PRIMARY KEY,
                account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                body text NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            """;

    private static final String INDEX_AND_TRIGGER = """
            CREATE INDEX notes_account_id_idx ON notes (account_id);

            CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.updated_at := now();
                RETURN NEW;
            END;
            $$;

            CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
            """;

    private static final String DROP_INDEX_AND_TRIGGER = """
            DROP TRIGGER notes_touch ON notes;
            DROP FUNCTION touch_updated_at();
            DROP INDEX notes_account_id_idx;
            """;

    private static final String POLICY_AND_GRANT = """
            ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
            CREATE POLICY notes_owner ON notes
                USING (account_id = NULLIF(current_setting('app.account_id', true), '')::bigint);
            GRANT SELECT ON accounts, notes TO app_reader;
            """;

    private static final String DROP_POLICY_AND_GRANT = """
            REVOKE SELECT ON accounts, notes FROM app_reader;
            DROP POLICY notes_owner ON notes;
            ALTER TABLE notes DISABLE ROW LEVEL SECURITY;
            """;

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
