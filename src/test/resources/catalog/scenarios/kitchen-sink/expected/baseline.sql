-- Baseline written by consolidate from scenario kitchen-sink.
-- Generated at 2026-01-01T00:00:00Z from a catalog snapshot of PostgreSQL 15.14.
-- Source fingerprint: sha256:1d4ab724c049f4ba68be2f620f8d94c05199c0a65daa0c0ea58254e74d9c1d7d
-- Contents: 2 roles, 1 schemas, 1 collations, 1 enums, 1 domains, 1 composite types, 1 range types, 1 sequences, 4 functions, 1 aggregates, 1 operators, 1 casts, 7 tables, 1 views, 1 materialized views, 5 constraints, 5 indexes, 1 triggers, 1 rules, 2 policies, 1 statistics objects, 1 event triggers, 1 publications, 1 publication tables, 2 default privileges.
-- Runs on a database prepared like the source's environment (scope 'plain').

SET check_function_bodies = false;

-- Pre-data: everything rows need before they are loaded.

-- role anon
DO $role$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'anon') THEN
        CREATE ROLE anon NOLOGIN INHERIT;
    END IF;
END
$role$;

-- role authenticated
DO $role$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'authenticated') THEN
        CREATE ROLE authenticated NOLOGIN INHERIT;
    END IF;
END
$role$;

-- schema app
CREATE SCHEMA app;

-- collation app.ci
CREATE COLLATION app.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- enum app.status
CREATE TYPE app.status AS ENUM (
    'PENDING',
    'REJECTED',
    'APPROVED'
);

-- domain app.email
CREATE DOMAIN app.email AS text COLLATE pg_catalog."C" DEFAULT 'x@y'::text NOT NULL
    CONSTRAINT email_check CHECK ((VALUE ~ '@'::text));

-- composite type app.pair
CREATE TYPE app.pair AS (
    a integer,
    b text
);

-- range type app.floatrange
CREATE TYPE app.floatrange AS RANGE (
    subtype = double precision,
    subtype_diff = float8mi,
    multirange_type_name = app.floatmultirange
);

-- sequence app.users_id_seq
CREATE SEQUENCE app.users_id_seq
    AS bigint
    START WITH 1
    INCREMENT BY 1
    MINVALUE 1
    MAXVALUE 9223372036854775807
    CACHE 1;

-- function app.eq(integer, app.pair)
CREATE OR REPLACE FUNCTION app.eq(integer, app.pair)
 RETURNS boolean
 LANGUAGE sql
AS $function$select $1 = $2.a$function$;

-- function app.evt()
CREATE OR REPLACE FUNCTION app.evt()
 RETURNS event_trigger
 LANGUAGE plpgsql
AS $function$ BEGIN END $function$;

-- function app.quota()
CREATE OR REPLACE FUNCTION app.quota()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'app', 'pg_temp'
AS $function$ BEGIN RETURN NEW; END $function$;
REVOKE ALL ON FUNCTION app.quota() FROM PUBLIC;

-- function app.txt(app.pair)
CREATE OR REPLACE FUNCTION app.txt(app.pair)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$select $1.b$function$;

-- cast app.pair AS text
CREATE CAST (app.pair AS text) WITH FUNCTION app.txt(app.pair);

-- aggregate app.mysum(integer)
CREATE AGGREGATE app.mysum(integer) (
    SFUNC = int4pl,
    STYPE = integer,
    INITCOND = '0'
);

-- operator app.=== (integer, app.pair)
CREATE OPERATOR app.=== (
    LEFTARG = integer,
    RIGHTARG = app.pair,
    FUNCTION = app.eq
);

-- table app.base
CREATE TABLE app.base (
    a integer
);

-- table app.child
CREATE TABLE app.child (
    b integer
)
INHERITS (app.base);

-- table app.events
CREATE TABLE app.events (
    id integer,
    at date
)
PARTITION BY RANGE (at);

-- table app.events_2024
CREATE TABLE app.events_2024 (
    id integer,
    at date
);
ALTER TABLE ONLY app.events ATTACH PARTITION app.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- table app.events_old
CREATE TABLE app.events_old (
    at date,
    id integer
);
ALTER TABLE ONLY app.events ATTACH PARTITION app.events_old FOR VALUES FROM ('2000-01-01') TO ('2024-01-01');

-- table app.subs
CREATE TABLE app.subs (
    id integer NOT NULL,
    user_id bigint,
    status app.status
);

-- table app.users
CREATE TABLE app.users (
    id bigint DEFAULT nextval('app.users_id_seq'::regclass) NOT NULL,
    email app.email,
    name character varying(40),
    created timestamp with time zone DEFAULT now() NOT NULL,
    n integer GENERATED ALWAYS AS IDENTITY (
        SEQUENCE NAME app.users_n_seq
        START WITH 5
        INCREMENT BY 1
        MINVALUE 1
        MAXVALUE 2147483647
        CACHE 1
    ) NOT NULL,
    g integer GENERATED ALWAYS AS ((n * 2)) STORED
);
COMMENT ON COLUMN app.users.email IS 'their email';
GRANT SELECT (email) ON TABLE app.users TO authenticated;
COMMENT ON TABLE app.users IS 'the users';
GRANT SELECT ON TABLE app.users TO anon;

-- sequence app.users_id_seq
ALTER SEQUENCE app.users_id_seq OWNED BY app.users.id;

-- view app.v
CREATE VIEW app.v AS
 SELECT users.id,
    users.email,
    users.name,
    users.created,
    users.n,
    users.g
   FROM app.users
  WHERE (users.id > 0);

-- materialized view app.mv
CREATE MATERIALIZED VIEW app.mv AS
 SELECT subs.user_id,
    count(*) AS count
   FROM app.subs
  GROUP BY subs.user_id
  WITH NO DATA;

-- Post-data: constraints, indexes, triggers, policies and what follows the rows.

-- publication pub
CREATE PUBLICATION pub WITH (publish = 'insert, update, delete, truncate');

-- constraint subs_pkey on app.subs
ALTER TABLE ONLY app.subs
    ADD CONSTRAINT subs_pkey PRIMARY KEY (id);

-- constraint users_name_check on app.users
ALTER TABLE app.users
    ADD CONSTRAINT users_name_check CHECK (((name)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])));

-- constraint users_name_key on app.users
ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_name_key UNIQUE NULLS NOT DISTINCT (name);

-- constraint users_pkey on app.users
ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);

-- index events_at_idx on app.events
CREATE INDEX events_at_idx ON ONLY app.events USING btree (at);

-- index events_2024_at_idx on app.events_2024
CREATE INDEX events_2024_at_idx ON app.events_2024 USING btree (at);

-- index events_old_at_idx on app.events_old
CREATE INDEX events_old_at_idx ON app.events_old USING btree (at);

-- index mv_user_id_idx on app.mv
CREATE INDEX mv_user_id_idx ON app.mv USING btree (user_id);

-- index uniq_active on app.subs
CREATE UNIQUE INDEX uniq_active ON app.subs USING btree (user_id) WHERE (status = ANY (ARRAY['PENDING'::app.status, 'APPROVED'::app.status]));

-- index events_2024_at_idx on app.events_2024
ALTER INDEX app.events_at_idx ATTACH PARTITION app.events_2024_at_idx;

-- index events_old_at_idx on app.events_old
ALTER INDEX app.events_at_idx ATTACH PARTITION app.events_old_at_idx;

-- constraint subs_user_id_fkey on app.subs
ALTER TABLE app.subs
    ADD CONSTRAINT subs_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE DEFERRABLE;

-- trigger trg on app.subs
CREATE TRIGGER trg BEFORE INSERT ON app.subs FOR EACH ROW EXECUTE FUNCTION app.quota();

-- rule r1 on app.base
CREATE RULE r1 AS
    ON DELETE TO app.base DO INSTEAD NOTHING;

-- table app.subs
ALTER TABLE app.subs ENABLE ROW LEVEL SECURITY;

-- policy p1 on app.subs
CREATE POLICY p1 ON app.subs
    FOR SELECT
    TO anon, authenticated
    USING ((user_id > 0));

-- policy p2 on app.subs
CREATE POLICY p2 ON app.subs AS RESTRICTIVE
    FOR INSERT
    TO authenticated
    WITH CHECK ((status = 'PENDING'::app.status));

-- statistics app.st
CREATE STATISTICS app.st ON id, user_id FROM app.subs;

-- table app.users in publication pub
ALTER PUBLICATION pub ADD TABLE ONLY app.users;

-- materialized view app.mv
REFRESH MATERIALIZED VIEW app.mv;

-- default privileges of role postgres on functions (database-wide)
ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON FUNCTIONS FROM PUBLIC;

-- default privileges of role postgres on tables in schema app
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA app GRANT SELECT ON TABLES TO anon;

-- event trigger et
CREATE EVENT TRIGGER et ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE')
    EXECUTE FUNCTION app.evt();

RESET check_function_bodies;
