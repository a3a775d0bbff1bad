-- A start-up script's objects (measure's init-postgres.sh makes a schema, roles and a search_path;
-- this one also makes tables and functions the history then changes).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'env_reader') THEN
        CREATE ROLE env_reader NOLOGIN;
    END IF;
END $$;
CREATE SCHEMA base;
CREATE TYPE base.color AS ENUM ('red', 'blue');
CREATE TABLE base.settings (key text PRIMARY KEY, value text, updated_at timestamptz DEFAULT now());
CREATE INDEX settings_value_idx ON base.settings (value);
CREATE FUNCTION base.version() RETURNS text LANGUAGE sql AS $$ SELECT '1' $$;
CREATE VIEW base.keys AS SELECT key FROM base.settings;
CREATE TABLE base.obsolete (id int);
CREATE POLICY settings_all ON base.settings USING (true);
CREATE SEQUENCE base.counter;
GRANT SELECT ON base.settings TO env_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA base GRANT SELECT ON TABLES TO env_reader;
