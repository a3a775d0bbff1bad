-- Supabase sets the search path on the postgres role; a scratch server is shared by several
-- databases, so it is set on this database only. It applies to sessions opened after it, which is
-- why the replay opens its own session once the environment is in place.
DO $search_path$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET search_path TO "$user", public, extensions', current_database());
END
$search_path$;
