create index idx_scripts_video_id on public.scripts (video_id);
create index idx_projects_created_at on public.projects (created_at desc);
create index idx_user_clients_user_granted on public.user_clients (user_id, granted_at desc);

-- For the dashboard: one call instead of three.
create or replace function public.video_summary(p_video_id uuid)
returns jsonb
language sql
stable
set search_path = public
as $$
    select jsonb_build_object(
        'title', v.title,
        'status', v.status,
        'script_status', s.status,
        'components', (select count(*) from public.script_components c where c.script_id = s.id))
    from public.videos v
    left join public.scripts s on s.video_id = v.id
    where v.id = p_video_id
$$;
