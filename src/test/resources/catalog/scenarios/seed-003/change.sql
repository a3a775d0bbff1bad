-- Production's hand-made drift (jobs/seed-003-supabase-squash/production-drift.sql, schema part):
-- four foreign keys gained ON DELETE CASCADE.
alter table public.projects
    drop constraint projects_client_id_fkey,
    add constraint projects_client_id_fkey foreign key (client_id) references public.clients (id) on delete cascade;
alter table public.videos
    drop constraint videos_project_id_fkey,
    add constraint videos_project_id_fkey foreign key (project_id) references public.projects (id) on delete cascade;
alter table public.scripts
    drop constraint scripts_video_id_fkey,
    add constraint scripts_video_id_fkey foreign key (video_id) references public.videos (id) on delete cascade;
alter table public.script_components
    drop constraint script_components_script_id_fkey,
    add constraint script_components_script_id_fkey foreign key (script_id) references public.scripts (id) on delete cascade;
