create or replace function public.is_staff()
returns boolean
language sql
stable
security definer
set search_path = public
as $$
    select coalesce(public.get_user_role() in ('admin', 'employee'), false)
$$;

create policy "staff read clients" on public.clients
    for select to authenticated using (public.is_staff());

create policy "staff read projects" on public.projects
    for select to authenticated using (public.is_staff());

create policy "staff read videos" on public.videos
    for select to authenticated using (public.is_staff());

create policy "clients read own videos" on public.videos
    for select to authenticated
    using (project_id in (select p.id from public.projects p where p.client_id in (select public.user_client_ids())));

create policy "staff read scripts" on public.scripts
    for select to authenticated using (public.is_staff());

create policy "staff write scripts" on public.scripts
    for update to authenticated using (public.is_staff()) with check (public.is_staff());

create policy "clients read own scripts" on public.scripts
    for select to authenticated
    using (video_id in (select v.id from public.videos v
                        join public.projects p on p.id = v.project_id
                        where p.client_id in (select public.user_client_ids())));

create policy "staff manage script components" on public.script_components
    for all to authenticated using (public.is_staff()) with check (public.is_staff());

create index idx_projects_status on public.projects (status);
create index idx_videos_created_at on public.videos (created_at desc);
