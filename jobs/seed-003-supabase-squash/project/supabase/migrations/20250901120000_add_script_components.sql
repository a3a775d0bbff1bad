create table public.script_components (
    id uuid primary key default gen_random_uuid(),
    script_id uuid not null references public.scripts (id),
    component_order integer not null,
    component_type text not null,
    content text not null default ''
);

create index idx_script_components_script_id on public.script_components (script_id);
