create table public.user_clients (
    user_id uuid not null references public.user_profiles (id) on delete cascade,
    client_id uuid not null references public.clients (id) on delete cascade,
    granted_at timestamptz not null default now(),
    primary key (user_id, client_id)
);

alter table public.user_clients enable row level security;

create index idx_user_clients_client_id on public.user_clients (client_id);

-- The clients a caller may see.
create or replace function public.user_client_ids()
returns setof uuid
language sql
stable
security definer
set search_path = public
as $$
    select client_id from public.user_clients where user_id = auth.uid()
$$;

create policy "users read own client links" on public.user_clients
    for select to authenticated using (user_id = auth.uid());

create policy "admins manage client links" on public.user_clients
    for all to authenticated
    using (public.get_user_role() = 'admin')
    with check (public.get_user_role() = 'admin');

create policy "clients read own client" on public.clients
    for select to authenticated using (id in (select public.user_client_ids()));

create policy "clients read own projects" on public.projects
    for select to authenticated using (client_id in (select public.user_client_ids()));
