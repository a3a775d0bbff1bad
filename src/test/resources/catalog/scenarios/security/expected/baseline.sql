-- Baseline written by consolidate from scenario security.
-- Generated at 2026-01-01T00:00:00Z from a catalog snapshot of PostgreSQL 15.14.
-- Source fingerprint: sha256:78d4e120699f27334d9f4a04e0741cee449b4cf8d85bb9155b9082ee6cc6c9b1
-- Contents: 4 roles, 1 schemas, 1 enums, 1 domains, 1 sequences, 3 functions, 1 tables, 1 views, 1 constraints, 1 indexes, 1 triggers, 3 policies, 1 publications, 1 publication tables, 5 default privileges.
-- Runs on a database prepared like the source's environment (scope 'plain').

SET check_function_bodies = false;

-- Pre-data: everything rows need before they are loaded.

-- role sec_admin
DO $role$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'sec_admin') THEN
        CREATE ROLE sec_admin NOLOGIN INHERIT;
    END IF;
END
$role$;

-- role sec_owner
DO $role$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'sec_owner') THEN
        CREATE ROLE sec_owner NOLOGIN INHERIT;
    END IF;
END
$role$;

-- role sec_reader
DO $role$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'sec_reader') THEN
        CREATE ROLE sec_reader NOLOGIN INHERIT;
    END IF;
END
$role$;

-- role sec_writer
DO $role$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'sec_writer') THEN
        CREATE ROLE sec_writer NOLOGIN INHERIT;
    END IF;
END
$role$;

-- schema vault
CREATE SCHEMA vault;
ALTER SCHEMA vault OWNER TO sec_owner;
COMMENT ON SCHEMA vault IS 'Secrets, owned by sec_owner.';
GRANT CREATE ON SCHEMA vault TO sec_admin WITH GRANT OPTION;
GRANT USAGE ON SCHEMA vault TO sec_reader;
GRANT USAGE ON SCHEMA vault TO sec_writer;

-- enum vault.level
CREATE TYPE vault.level AS ENUM (
    'low',
    'high'
);
COMMENT ON TYPE vault.level IS 'Sensitivity.';
REVOKE ALL ON TYPE vault.level FROM PUBLIC;
GRANT USAGE ON TYPE vault.level TO sec_reader;

-- domain vault.secret_name
CREATE DOMAIN vault.secret_name AS text
    CONSTRAINT secret_name_check CHECK ((VALUE ~ '^[a-z_]+$'::text));
COMMENT ON CONSTRAINT secret_name_check ON DOMAIN vault.secret_name IS 'Why it is checked.';
COMMENT ON DOMAIN vault.secret_name IS 'Lower-case names only.';

-- sequence vault.ticket_seq
CREATE SEQUENCE vault.ticket_seq
    AS bigint
    START WITH 100
    INCREMENT BY 1
    MINVALUE 1
    MAXVALUE 9223372036854775807
    CACHE 1;
ALTER SEQUENCE vault.ticket_seq OWNER TO sec_owner;
COMMENT ON SEQUENCE vault.ticket_seq IS 'Ticket numbers.';
GRANT USAGE ON SEQUENCE vault.ticket_seq TO sec_writer;

-- function vault.is_admin()
CREATE OR REPLACE FUNCTION vault.is_admin()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ select pg_has_role('sec_admin', 'member') $function$;

-- function vault.reveal(secret integer)
CREATE OR REPLACE FUNCTION vault.reveal(secret integer)
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'vault', 'pg_temp'
AS $function$ select value from vault.secrets where id = secret $function$;
ALTER FUNCTION vault.reveal(secret integer) OWNER TO sec_owner;
COMMENT ON FUNCTION vault.reveal(secret integer) IS 'Bypasses RLS as sec_owner.';
REVOKE ALL ON FUNCTION vault.reveal(secret integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vault.reveal(secret integer) TO sec_admin;

-- function vault.stamp()
CREATE OR REPLACE FUNCTION vault.stamp()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ begin return new; end; $function$;

-- table vault.secrets
CREATE TABLE vault.secrets (
    id integer DEFAULT nextval('vault.ticket_seq'::regclass) NOT NULL,
    name vault.secret_name NOT NULL,
    level vault.level DEFAULT 'low'::vault.level NOT NULL,
    value text,
    owner_role text DEFAULT CURRENT_USER NOT NULL
);
COMMENT ON COLUMN vault.secrets.value IS 'Encrypted.';
GRANT SELECT (id, name, level), UPDATE (value) ON TABLE vault.secrets TO sec_reader;
ALTER TABLE vault.secrets OWNER TO sec_owner;
COMMENT ON TABLE vault.secrets IS 'One row per secret.';
GRANT INSERT, SELECT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE vault.secrets TO sec_admin WITH GRANT OPTION;
GRANT INSERT, SELECT, UPDATE ON TABLE vault.secrets TO sec_writer;

-- view vault.secret_names
CREATE VIEW vault.secret_names AS
 SELECT secrets.id,
    secrets.name
   FROM vault.secrets;
COMMENT ON COLUMN vault.secret_names.name IS 'The name.';
ALTER VIEW vault.secret_names OWNER TO sec_owner;
COMMENT ON VIEW vault.secret_names IS 'Names only.';
GRANT SELECT ON TABLE vault.secret_names TO sec_reader;

-- Post-data: constraints, indexes, triggers, policies and what follows the rows.

-- publication vault_changes
CREATE PUBLICATION vault_changes WITH (publish = 'insert, update');
ALTER PUBLICATION vault_changes OWNER TO sec_owner;
COMMENT ON PUBLICATION vault_changes IS 'For the audit replica.';

-- constraint secrets_pkey on vault.secrets
ALTER TABLE ONLY vault.secrets
    ADD CONSTRAINT secrets_pkey PRIMARY KEY (id);
COMMENT ON CONSTRAINT secrets_pkey ON vault.secrets IS 'The ticket.';

-- index secrets_name_idx on vault.secrets
CREATE INDEX secrets_name_idx ON vault.secrets USING btree (name);
COMMENT ON INDEX vault.secrets_name_idx IS 'Lookups by name.';

-- trigger secrets_stamp on vault.secrets
CREATE TRIGGER secrets_stamp BEFORE INSERT ON vault.secrets FOR EACH ROW EXECUTE FUNCTION vault.stamp();
COMMENT ON TRIGGER secrets_stamp ON vault.secrets IS 'Stamps rows.';

-- table vault.secrets
ALTER TABLE vault.secrets ENABLE ROW LEVEL SECURITY;
ALTER TABLE vault.secrets FORCE ROW LEVEL SECURITY;

-- policy secrets_admin on vault.secrets
CREATE POLICY secrets_admin ON vault.secrets AS RESTRICTIVE
    FOR ALL
    TO PUBLIC
    USING ((vault.is_admin() OR (level = 'low'::vault.level)));

-- policy secrets_read on vault.secrets
CREATE POLICY secrets_read ON vault.secrets
    FOR SELECT
    TO sec_reader, sec_writer
    USING (((level = 'low'::vault.level) OR vault.is_admin()));
COMMENT ON POLICY secrets_read ON vault.secrets IS 'Low secrets are readable.';

-- policy secrets_write on vault.secrets
CREATE POLICY secrets_write ON vault.secrets
    FOR INSERT
    TO sec_writer
    WITH CHECK ((owner_role = CURRENT_USER));

-- table vault.secrets in publication vault_changes
ALTER PUBLICATION vault_changes ADD TABLE ONLY vault.secrets;

-- default privileges of role postgres on functions (database-wide)
ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON FUNCTIONS FROM PUBLIC;

-- default privileges of role postgres on types (database-wide)
ALTER DEFAULT PRIVILEGES FOR ROLE postgres GRANT USAGE ON TYPES TO sec_reader;

-- default privileges of role sec_owner on functions (database-wide)
ALTER DEFAULT PRIVILEGES FOR ROLE sec_owner GRANT EXECUTE ON FUNCTIONS TO sec_admin;

-- default privileges of role postgres on sequences in schema vault
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA vault GRANT USAGE ON SEQUENCES TO sec_writer;

-- default privileges of role sec_owner on tables in schema vault
ALTER DEFAULT PRIVILEGES FOR ROLE sec_owner IN SCHEMA vault GRANT SELECT ON TABLES TO sec_reader;

RESET check_function_bodies;
