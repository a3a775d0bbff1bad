drop policy if exists "admins see profiles" on public.user_profiles;
drop policy if exists "admins manage clients" on public.clients;

create policy "users read own profile" on public.user_profiles
    for select to authenticated using (id = auth.uid() or public.get_user_role() = 'admin');

create policy "admins manage clients" on public.clients
    for all to authenticated
    using (public.get_user_role() = 'admin')
    with check (public.get_user_role() = 'admin');

create policy "admins manage projects" on public.projects
    for all to authenticated
    using (public.get_user_role() = 'admin')
    with check (public.get_user_role() = 'admin');

create policy "admins manage videos" on public.videos
    for all to authenticated
    using (public.get_user_role() = 'admin')
    with check (public.get_user_role() = 'admin');

create policy "admins manage scripts" on public.scripts
    for all to authenticated
    using (public.get_user_role() = 'admin')
    with check (public.get_user_role() = 'admin');

create policy "admins manage script components" on public.script_components
    for all to authenticated
    using (public.get_user_role() = 'admin')
    with check (public.get_user_role() = 'admin');
