-- The application sets updated_at itself; the triggers fired twice per save.
drop trigger if exists scripts_set_updated_at on public.scripts;
drop trigger if exists videos_set_updated_at on public.videos;
drop function if exists public.set_updated_at();
