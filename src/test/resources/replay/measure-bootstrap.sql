-- What measure's self-host start-up script (self-host/postgres/init-postgres.sh, a shell script
-- outside the migration folder) prepares before dbmate runs: the schema, the two roles, and the
-- database's search path. Roles belong to the cluster, so they are created only when missing.
CREATE SCHEMA measure;

DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'operator') THEN
        CREATE ROLE operator LOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN
        CREATE ROLE reader LOGIN;
    END IF;
END
$roles$;

GRANT ALL ON SCHEMA measure TO operator;
GRANT USAGE ON SCHEMA measure TO reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA measure GRANT SELECT ON TABLES TO reader;

-- Applies to sessions opened after it: the replay's own session.
DO $search_path$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET search_path TO measure, "$user", public', current_database());
END
$search_path$;
