-- Baseline written by consolidate from scenario seed-003.
-- Generated at 2026-01-01T00:00:00Z from a catalog snapshot of PostgreSQL 15.14.
-- Source fingerprint: sha256:ec5fa634def1fb1162e5fcd3f2310f2340a7269f5fbb44d8546329dc3fd4ef23
-- Contents: 7 functions, 7 tables, 15 constraints, 16 indexes, 2 triggers, 18 policies.
-- Runs on a database prepared like the source's environment (scope 'supabase').

SET check_function_bodies = false;

-- Pre-data: everything rows need before they are loaded.

-- function public.get_user_role()
CREATE OR REPLACE FUNCTION public.get_user_role()
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
    select role from public.user_profiles where id = auth.uid()
$function$;

-- function public.handle_new_user()
CREATE OR REPLACE FUNCTION public.handle_new_user()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
    insert into public.user_profiles (id, email, display_name)
    values (new.id, new.email, coalesce(new.raw_user_meta_data ->> 'display_name', split_part(new.email, '@', 1)));
    return new;
end;
$function$;

-- function public.is_staff()
CREATE OR REPLACE FUNCTION public.is_staff()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
    select coalesce(public.get_user_role() in ('admin', 'employee'), false)
$function$;

-- function public.save_script_with_components(p_script_id uuid, p_body text, p_components jsonb)
CREATE OR REPLACE FUNCTION public.save_script_with_components(p_script_id uuid, p_body text, p_components jsonb)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
    if not public.is_staff() then
        raise exception 'only staff may save scripts' using errcode = '42501';
    end if;
    update public.scripts set body = p_body, updated_at = now() where id = p_script_id;
    delete from public.script_components where script_id = p_script_id;
    insert into public.script_components (script_id, component_order, component_type, content)
    select p_script_id, (c ->> 'order')::int, c ->> 'type', coalesce(c ->> 'content', '')
    from jsonb_array_elements(coalesce(p_components, '[]'::jsonb)) as c;
    return p_script_id;
end;
$function$;
REVOKE ALL ON FUNCTION public.save_script_with_components(p_script_id uuid, p_body text, p_components jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION public.save_script_with_components(p_script_id uuid, p_body text, p_components jsonb) FROM anon;

-- function public.sync_metadata()
CREATE OR REPLACE FUNCTION public.sync_metadata()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
    update public.videos v
       set metadata = v.metadata || jsonb_build_object(
               'script_status', new.status,
               'components', (select count(*) from public.script_components c where c.script_id = new.id))
     where v.id = new.video_id;
    return new;
end;
$function$;

-- function public.user_client_ids()
CREATE OR REPLACE FUNCTION public.user_client_ids()
 RETURNS SETOF uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
    select client_id from public.user_clients where user_id = auth.uid()
$function$;

-- function public.video_summary(p_video_id uuid)
CREATE OR REPLACE FUNCTION public.video_summary(p_video_id uuid)
 RETURNS jsonb
 LANGUAGE sql
 STABLE
 SET search_path TO 'public'
AS $function$
    select jsonb_build_object(
        'title', v.title,
        'status', v.status,
        'script_status', s.status,
        'components', (select count(*) from public.script_components c where c.script_id = s.id))
    from public.videos v
    left join public.scripts s on s.video_id = v.id
    where v.id = p_video_id
$function$;

-- table public.clients
CREATE TABLE public.clients (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    contact_email text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

-- table public.projects
CREATE TABLE public.projects (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    client_id uuid NOT NULL,
    title text NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

-- table public.script_components
CREATE TABLE public.script_components (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    script_id uuid NOT NULL,
    component_order integer NOT NULL,
    component_type text NOT NULL,
    content text DEFAULT ''::text NOT NULL
);

-- table public.scripts
CREATE TABLE public.scripts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    video_id uuid NOT NULL,
    body text,
    status text DEFAULT 'draft'::text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

-- table public.user_clients
CREATE TABLE public.user_clients (
    user_id uuid NOT NULL,
    client_id uuid NOT NULL,
    granted_at timestamp with time zone DEFAULT now() NOT NULL
);

-- table public.user_profiles
CREATE TABLE public.user_profiles (
    id uuid NOT NULL,
    email text,
    display_name text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    role text DEFAULT 'client'::text NOT NULL
);

-- table public.videos
CREATE TABLE public.videos (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    project_id uuid NOT NULL,
    title text NOT NULL,
    status text DEFAULT 'planned'::text NOT NULL,
    duration_seconds integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL
);

-- Post-data: constraints, indexes, triggers, policies and what follows the rows.

-- trigger on_auth_user_created on auth.users
CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();

-- constraint clients_pkey on public.clients
ALTER TABLE ONLY public.clients
    ADD CONSTRAINT clients_pkey PRIMARY KEY (id);

-- constraint projects_pkey on public.projects
ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (id);

-- constraint script_components_pkey on public.script_components
ALTER TABLE ONLY public.script_components
    ADD CONSTRAINT script_components_pkey PRIMARY KEY (id);

-- constraint scripts_pkey on public.scripts
ALTER TABLE ONLY public.scripts
    ADD CONSTRAINT scripts_pkey PRIMARY KEY (id);

-- constraint user_clients_pkey on public.user_clients
ALTER TABLE ONLY public.user_clients
    ADD CONSTRAINT user_clients_pkey PRIMARY KEY (user_id, client_id);

-- constraint user_profiles_pkey on public.user_profiles
ALTER TABLE ONLY public.user_profiles
    ADD CONSTRAINT user_profiles_pkey PRIMARY KEY (id);

-- constraint user_profiles_role_check on public.user_profiles
ALTER TABLE public.user_profiles
    ADD CONSTRAINT user_profiles_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'client'::text, 'employee'::text])));

-- constraint videos_pkey on public.videos
ALTER TABLE ONLY public.videos
    ADD CONSTRAINT videos_pkey PRIMARY KEY (id);

-- index idx_clients_name on public.clients
CREATE INDEX idx_clients_name ON public.clients USING btree (lower(name));

-- index idx_projects_client_id on public.projects
CREATE INDEX idx_projects_client_id ON public.projects USING btree (client_id);

-- index idx_projects_created_at on public.projects
CREATE INDEX idx_projects_created_at ON public.projects USING btree (created_at DESC);

-- index idx_projects_status on public.projects
CREATE INDEX idx_projects_status ON public.projects USING btree (status);

-- index idx_script_components_order on public.script_components
CREATE INDEX idx_script_components_order ON public.script_components USING btree (script_id, component_order);

-- index idx_script_components_script_id on public.script_components
CREATE INDEX idx_script_components_script_id ON public.script_components USING btree (script_id);

-- index idx_script_components_type on public.script_components
CREATE INDEX idx_script_components_type ON public.script_components USING btree (component_type) WHERE (component_type <> 'text'::text);

-- index idx_scripts_status on public.scripts
CREATE INDEX idx_scripts_status ON public.scripts USING btree (status);

-- index idx_scripts_updated_at on public.scripts
CREATE INDEX idx_scripts_updated_at ON public.scripts USING btree (updated_at DESC);

-- index idx_scripts_video_id on public.scripts
CREATE INDEX idx_scripts_video_id ON public.scripts USING btree (video_id);

-- index idx_user_clients_client_id on public.user_clients
CREATE INDEX idx_user_clients_client_id ON public.user_clients USING btree (client_id);

-- index idx_user_clients_user_granted on public.user_clients
CREATE INDEX idx_user_clients_user_granted ON public.user_clients USING btree (user_id, granted_at DESC);

-- index idx_user_profiles_role on public.user_profiles
CREATE INDEX idx_user_profiles_role ON public.user_profiles USING btree (role);

-- index idx_videos_created_at on public.videos
CREATE INDEX idx_videos_created_at ON public.videos USING btree (created_at DESC);

-- index idx_videos_project_id on public.videos
CREATE INDEX idx_videos_project_id ON public.videos USING btree (project_id);

-- index idx_videos_status on public.videos
CREATE INDEX idx_videos_status ON public.videos USING btree (status);

-- constraint projects_client_id_fkey on public.projects
ALTER TABLE public.projects
    ADD CONSTRAINT projects_client_id_fkey FOREIGN KEY (client_id) REFERENCES public.clients(id);

-- constraint script_components_script_id_fkey on public.script_components
ALTER TABLE public.script_components
    ADD CONSTRAINT script_components_script_id_fkey FOREIGN KEY (script_id) REFERENCES public.scripts(id);

-- constraint scripts_video_id_fkey on public.scripts
ALTER TABLE public.scripts
    ADD CONSTRAINT scripts_video_id_fkey FOREIGN KEY (video_id) REFERENCES public.videos(id);

-- constraint user_clients_client_id_fkey on public.user_clients
ALTER TABLE public.user_clients
    ADD CONSTRAINT user_clients_client_id_fkey FOREIGN KEY (client_id) REFERENCES public.clients(id) ON DELETE CASCADE;

-- constraint user_clients_user_id_fkey on public.user_clients
ALTER TABLE public.user_clients
    ADD CONSTRAINT user_clients_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.user_profiles(id) ON DELETE CASCADE;

-- constraint user_profiles_id_fkey on public.user_profiles
ALTER TABLE public.user_profiles
    ADD CONSTRAINT user_profiles_id_fkey FOREIGN KEY (id) REFERENCES auth.users(id) ON DELETE CASCADE;

-- constraint videos_project_id_fkey on public.videos
ALTER TABLE public.videos
    ADD CONSTRAINT videos_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id);

-- trigger sync_metadata on public.scripts
CREATE TRIGGER sync_metadata AFTER INSERT OR UPDATE OF status ON public.scripts FOR EACH ROW EXECUTE FUNCTION public.sync_metadata();

-- table public.clients
ALTER TABLE public.clients ENABLE ROW LEVEL SECURITY;

-- table public.projects
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;

-- table public.script_components
ALTER TABLE public.script_components ENABLE ROW LEVEL SECURITY;

-- table public.scripts
ALTER TABLE public.scripts ENABLE ROW LEVEL SECURITY;

-- table public.user_clients
ALTER TABLE public.user_clients ENABLE ROW LEVEL SECURITY;

-- table public.user_profiles
ALTER TABLE public.user_profiles ENABLE ROW LEVEL SECURITY;

-- table public.videos
ALTER TABLE public.videos ENABLE ROW LEVEL SECURITY;

-- policy admins manage clients on public.clients
CREATE POLICY "admins manage clients" ON public.clients
    FOR ALL
    TO authenticated
    USING ((public.get_user_role() = 'admin'::text))
    WITH CHECK ((public.get_user_role() = 'admin'::text));

-- policy clients read own client on public.clients
CREATE POLICY "clients read own client" ON public.clients
    FOR SELECT
    TO authenticated
    USING ((id IN ( SELECT public.user_client_ids() AS user_client_ids)));

-- policy staff read clients on public.clients
CREATE POLICY "staff read clients" ON public.clients
    FOR SELECT
    TO authenticated
    USING (public.is_staff());

-- policy admins manage projects on public.projects
CREATE POLICY "admins manage projects" ON public.projects
    FOR ALL
    TO authenticated
    USING ((public.get_user_role() = 'admin'::text))
    WITH CHECK ((public.get_user_role() = 'admin'::text));

-- policy clients read own projects on public.projects
CREATE POLICY "clients read own projects" ON public.projects
    FOR SELECT
    TO authenticated
    USING ((client_id IN ( SELECT public.user_client_ids() AS user_client_ids)));

-- policy staff read projects on public.projects
CREATE POLICY "staff read projects" ON public.projects
    FOR SELECT
    TO authenticated
    USING (public.is_staff());

-- policy admins manage script components on public.script_components
CREATE POLICY "admins manage script components" ON public.script_components
    FOR ALL
    TO authenticated
    USING ((public.get_user_role() = 'admin'::text))
    WITH CHECK ((public.get_user_role() = 'admin'::text));

-- policy staff manage script components on public.script_components
CREATE POLICY "staff manage script components" ON public.script_components
    FOR ALL
    TO authenticated
    USING (public.is_staff())
    WITH CHECK (public.is_staff());

-- policy admins manage scripts on public.scripts
CREATE POLICY "admins manage scripts" ON public.scripts
    FOR ALL
    TO authenticated
    USING ((public.get_user_role() = 'admin'::text))
    WITH CHECK ((public.get_user_role() = 'admin'::text));

-- policy clients read own scripts on public.scripts
CREATE POLICY "clients read own scripts" ON public.scripts
    FOR SELECT
    TO authenticated
    USING ((video_id IN ( SELECT v.id
   FROM (public.videos v
     JOIN public.projects p ON ((p.id = v.project_id)))
  WHERE (p.client_id IN ( SELECT public.user_client_ids() AS user_client_ids)))));

-- policy staff read scripts on public.scripts
CREATE POLICY "staff read scripts" ON public.scripts
    FOR SELECT
    TO authenticated
    USING (public.is_staff());

-- policy staff write scripts on public.scripts
CREATE POLICY "staff write scripts" ON public.scripts
    FOR UPDATE
    TO authenticated
    USING (public.is_staff())
    WITH CHECK (public.is_staff());

-- policy admins manage client links on public.user_clients
CREATE POLICY "admins manage client links" ON public.user_clients
    FOR ALL
    TO authenticated
    USING ((public.get_user_role() = 'admin'::text))
    WITH CHECK ((public.get_user_role() = 'admin'::text));

-- policy users read own client links on public.user_clients
CREATE POLICY "users read own client links" ON public.user_clients
    FOR SELECT
    TO authenticated
    USING ((user_id = auth.uid()));

-- policy users read own profile on public.user_profiles
CREATE POLICY "users read own profile" ON public.user_profiles
    FOR SELECT
    TO authenticated
    USING (((id = auth.uid()) OR (public.get_user_role() = 'admin'::text)));

-- policy admins manage videos on public.videos
CREATE POLICY "admins manage videos" ON public.videos
    FOR ALL
    TO authenticated
    USING ((public.get_user_role() = 'admin'::text))
    WITH CHECK ((public.get_user_role() = 'admin'::text));

-- policy clients read own videos on public.videos
CREATE POLICY "clients read own videos" ON public.videos
    FOR SELECT
    TO authenticated
    USING ((project_id IN ( SELECT p.id
   FROM public.projects p
  WHERE (p.client_id IN ( SELECT public.user_client_ids() AS user_client_ids)))));

-- policy staff read videos on public.videos
CREATE POLICY "staff read videos" ON public.videos
    FOR SELECT
    TO authenticated
    USING (public.is_staff());

RESET check_function_bodies;
