-- What a careless manual fix would do: lose a policy on a platform table, widen a grant, and
-- switch RLS off.
drop policy "users update own avatar" on storage.objects;
grant insert on table auth.users to anon;
alter table public.messages no force row level security;
