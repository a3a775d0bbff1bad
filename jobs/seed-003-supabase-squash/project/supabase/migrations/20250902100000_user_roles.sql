alter table public.user_profiles
    add column role text not null default 'client';

alter table public.user_profiles
    add constraint user_profiles_role_check check (role in ('admin', 'client', 'employee'));

-- Reads the caller's role without going through RLS (policies call it).
create or replace function public.get_user_role()
returns text
language sql
stable
security definer
set search_path = public
as $$
    select role from public.user_profiles where id = auth.uid()
$$;

create index idx_user_profiles_role on public.user_profiles (role);
