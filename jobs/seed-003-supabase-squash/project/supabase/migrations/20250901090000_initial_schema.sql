-- EAV Orchestrator: clients commission videos; each video has a script built from components.
create table public.clients (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    contact_email text,
    created_at timestamptz not null default now()
);

create table public.projects (
    id uuid primary key default gen_random_uuid(),
    client_id uuid not null references public.clients (id),
    title text not null,
    status text not null default 'draft',
    created_at timestamptz not null default now()
);

create table public.videos (
    id uuid primary key default gen_random_uuid(),
    project_id uuid not null references public.projects (id),
    title text not null,
    status text not null default 'planned',
    duration_seconds integer,
    created_at timestamptz not null default now()
);

create table public.scripts (
    id uuid primary key default gen_random_uuid(),
    video_id uuid not null references public.videos (id),
    body text,
    status text not null default 'draft',
    updated_at timestamptz not null default now()
);

create table public.user_profiles (
    id uuid primary key references auth.users (id) on delete cascade,
    email text,
    display_name text,
    created_at timestamptz not null default now()
);

create index idx_projects_client_id on public.projects (client_id);
create index idx_videos_project_id on public.videos (project_id);
