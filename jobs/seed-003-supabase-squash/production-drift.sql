-- What production looks like beyond its migration history (the seed's situation): someone added
-- ON DELETE CASCADE to four foreign keys by hand, and the application wrote 467 rows across the
-- seven tables. Applied to the embedded production stand-in after its history.

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

-- 25 users (their profiles come from the on_auth_user_created trigger): 2 admins, 8 employees, 15 clients.
insert into auth.users (id, email, raw_user_meta_data)
select md5('user' || i)::uuid, 'user' || i || '@eav.example', jsonb_build_object('display_name', 'User ' || i)
from generate_series(1, 25) as i;
update public.user_profiles set role = case when email in ('user1@eav.example', 'user2@eav.example') then 'admin'
                                            when email ~ '^user([3-9]|10)@' then 'employee'
                                            else 'client' end;

-- 12 clients, 30 projects, 75 videos, 75 scripts, 225 components, 25 client links.
insert into public.clients (id, name, contact_email, created_at)
select md5('client' || i)::uuid, 'Client ' || i, 'contact' || i || '@client.example',
       timestamptz '2025-06-01 09:00:00+00' + (i || ' days')::interval
from generate_series(1, 12) as i;

insert into public.projects (id, client_id, title, status, created_at)
select md5('project' || i)::uuid, md5('client' || (1 + i % 12))::uuid, 'Project ' || i,
       (array['draft', 'active', 'done'])[1 + i % 3], timestamptz '2025-07-01 09:00:00+00' + (i || ' hours')::interval
from generate_series(1, 30) as i;

insert into public.videos (id, project_id, title, status, duration_seconds, created_at)
select md5('video' || i)::uuid, md5('project' || (1 + i % 30))::uuid, 'Video ' || i,
       (array['planned', 'shooting', 'editing', 'published'])[1 + i % 4], 30 + i * 7,
       timestamptz '2025-08-01 09:00:00+00' + (i || ' hours')::interval
from generate_series(1, 75) as i;

insert into public.scripts (id, video_id, body, status, updated_at)
select md5('script' || i)::uuid, md5('video' || i)::uuid, 'Script for video ' || i,
       (array['draft', 'review', 'approved'])[1 + i % 3], timestamptz '2025-09-01 09:00:00+00' + (i || ' minutes')::interval
from generate_series(1, 75) as i;

insert into public.script_components (id, script_id, component_order, component_type, content)
select md5('component' || i)::uuid, md5('script' || (1 + (i - 1) / 3))::uuid, 1 + (i - 1) % 3,
       (array['text', 'shot', 'voiceover'])[1 + (i - 1) % 3], 'Component ' || i
from generate_series(1, 225) as i;

insert into public.user_clients (user_id, client_id, granted_at)
select md5('user' || i)::uuid, md5('client' || (1 + i % 12))::uuid, timestamptz '2025-06-15 09:00:00+00'
from generate_series(1, 25) as i;
