alter table public.clients enable row level security;
alter table public.projects enable row level security;
alter table public.videos enable row level security;
alter table public.scripts enable row level security;
alter table public.script_components enable row level security;
alter table public.user_profiles enable row level security;

-- First try: look the role up inline. This recursed through user_profiles' own policy.
create policy "admins see profiles" on public.user_profiles
    for select using (
        exists (select 1 from public.user_profiles p where p.id = auth.uid() and p.role = 'admin')
    );

create policy "admins manage clients" on public.clients
    for all using (
        exists (select 1 from public.user_profiles p where p.id = auth.uid() and p.role = 'admin')
    );
