-- Roles are cluster-wide: create the reporting role only where it is missing.
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'check_reader') THEN
        CREATE ROLE check_reader NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$roles$;
