-- Baseline written by consolidate from scenario environment-changes.
-- Generated at 2026-01-01T00:00:00Z from a catalog snapshot of PostgreSQL 15.14.
-- Source fingerprint: sha256:f892d4857ed938b0815d9fd61825deb26569acc41d9ad96db144d8797f652ce4
-- Contents: 1 enums, 2 sequences, 1 functions, 3 tables, 1 views, 3 constraints, 1 indexes, 1 policies.
-- Runs on a database prepared like the source's environment (scope 'plain').

SET check_function_bodies = false;

-- Pre-data: everything rows need before they are loaded.

-- table base.obsolete
DROP TABLE IF EXISTS base.obsolete CASCADE;

-- policy settings_all on base.settings
DROP POLICY IF EXISTS settings_all ON base.settings;

-- enum base.color
ALTER TYPE base.color ADD VALUE 'green' AFTER 'red';

-- sequence base.counter
ALTER SEQUENCE base.counter
    AS bigint
    START WITH 1
    INCREMENT BY 5
    MINVALUE 1
    MAXVALUE 9223372036854775807
    CACHE 10
    NO CYCLE;

-- function base.version()
CREATE OR REPLACE FUNCTION base.version()
 RETURNS text
 LANGUAGE sql
AS $function$ select '2' $function$;

-- table base.flags
CREATE TABLE base.flags (
    name text NOT NULL,
    color base.color DEFAULT 'red'::base.color NOT NULL
);
REVOKE ALL ON TABLE base.flags FROM env_reader;

-- table base.settings
COMMENT ON TABLE base.settings IS 'Key/value settings.';
REVOKE SELECT ON TABLE base.settings FROM env_reader;
GRANT INSERT ON TABLE base.settings TO env_reader;
ALTER TABLE base.settings ALTER COLUMN value SET NOT NULL;
ALTER TABLE base.settings ALTER COLUMN updated_at DROP DEFAULT;
ALTER TABLE base.settings ADD COLUMN scope text DEFAULT 'global'::text NOT NULL;

-- view base.keys
CREATE OR REPLACE VIEW base.keys AS
 SELECT settings.key,
    settings.scope
   FROM base.settings;

-- sequence public.notes_id_seq
CREATE SEQUENCE public.notes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    MINVALUE 1
    MAXVALUE 2147483647
    CACHE 1;

-- table public.notes
CREATE TABLE public.notes (
    id integer DEFAULT nextval('public.notes_id_seq'::regclass) NOT NULL,
    setting_key text
);

-- sequence public.notes_id_seq
ALTER SEQUENCE public.notes_id_seq OWNED BY public.notes.id;

-- Post-data: constraints, indexes, triggers, policies and what follows the rows.

-- constraint flags_pkey on base.flags
ALTER TABLE ONLY base.flags
    ADD CONSTRAINT flags_pkey PRIMARY KEY (name);

-- index settings_value_idx on base.settings
DROP INDEX IF EXISTS base.settings_value_idx CASCADE;
CREATE INDEX settings_value_idx ON base.settings USING btree (lower(value));

-- table base.settings
ALTER TABLE base.settings ENABLE ROW LEVEL SECURITY;

-- policy settings_global on base.settings
CREATE POLICY settings_global ON base.settings
    FOR SELECT
    TO PUBLIC
    USING ((scope = 'global'::text));

-- constraint notes_pkey on public.notes
ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);

-- constraint notes_setting_key_fkey on public.notes
ALTER TABLE public.notes
    ADD CONSTRAINT notes_setting_key_fkey FOREIGN KEY (setting_key) REFERENCES base.settings(key);

-- default privileges of role postgres on tables in schema base
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA base REVOKE ALL ON TABLES FROM env_reader;

RESET check_function_bodies;
