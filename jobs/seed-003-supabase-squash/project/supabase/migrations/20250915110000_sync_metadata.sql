alter table public.videos add column metadata jsonb not null default '{}'::jsonb;

-- Keeps videos.metadata in step with the script's status and component count.
create or replace function public.sync_metadata()
returns trigger
language plpgsql
security definer
set search_path = public
as $$
begin
    update public.videos v
       set metadata = v.metadata || jsonb_build_object(
               'script_status', new.status,
               'components', (select count(*) from public.script_components c where c.script_id = new.id))
     where v.id = new.video_id;
    return new;
end;
$$;

create trigger sync_metadata
    after insert or update of status on public.scripts
    for each row execute function public.sync_metadata();

create index idx_videos_status on public.videos (status);
create index idx_scripts_status on public.scripts (status);
