create or replace function public.set_updated_at()
returns trigger
language plpgsql
as $$
begin
    new.updated_at = now();
    return new;
end;
$$;

alter table public.videos add column updated_at timestamptz not null default now();

create trigger scripts_set_updated_at before update on public.scripts
    for each row execute function public.set_updated_at();

create trigger videos_set_updated_at before update on public.videos
    for each row execute function public.set_updated_at();

create index idx_scripts_updated_at on public.scripts (updated_at desc);
