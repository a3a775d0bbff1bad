-- Baseline written by consolidate from scenario routines.
-- Generated at 2026-01-01T00:00:00Z from a catalog snapshot of PostgreSQL 15.14.
-- Source fingerprint: sha256:01d87669ebfa7d1ec58995dbc0fc626842c5e53eaf878a00ce54daaab56cd629
-- Contents: 1 schemas, 1 enums, 2 sequences, 11 functions, 1 procedures, 1 aggregates, 1 casts, 5 tables, 3 views, 2 materialized views, 4 constraints, 2 indexes, 10 triggers, 2 rules, 1 event triggers.
-- Runs on a database prepared like the source's environment (scope 'plain').

SET check_function_bodies = false;

-- Pre-data: everything rows need before they are loaded.

-- schema app
CREATE SCHEMA app;

-- enum app.plan
CREATE TYPE app.plan AS ENUM (
    'free',
    'team',
    'pro',
    'enterprise'
);

-- sequence app.accounts_id_seq
CREATE SEQUENCE app.accounts_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    MINVALUE 1
    MAXVALUE 2147483647
    CACHE 1;

-- sequence app.projects_id_seq
CREATE SEQUENCE app.projects_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    MINVALUE 1
    MAXVALUE 2147483647
    CACHE 1;

-- function app.account_summary(account integer, OUT plan app.plan, OUT projects bigint, INOUT detailed boolean)
CREATE OR REPLACE FUNCTION app.account_summary(account integer, OUT plan app.plan, OUT projects bigint, INOUT detailed boolean DEFAULT false)
 RETURNS record
 LANGUAGE sql
 STABLE
AS $function$ select a.plan, app.project_count(a.id), detailed from app.accounts a where a.id = account $function$;

-- function app.costly()
CREATE OR REPLACE FUNCTION app.costly()
 RETURNS SETOF integer
 LANGUAGE sql
 SECURITY DEFINER LEAKPROOF COST 1000 ROWS 1
 SET work_mem TO '64MB'
 SET search_path TO 'app', 'pg_temp'
AS $function$ select 1 $function$;

-- function app.enforce_project_quota()
CREATE OR REPLACE FUNCTION app.enforce_project_quota()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
    used int;
    allowed int;
begin
    select count(*) into used from app.projects where account_id = new.account_id;
    select quota into allowed from app.accounts where id = new.account_id;
    if used >= allowed then
        raise exception 'project quota of % reached', allowed using errcode = 'check_violation';
    end if;
    return new;
end;
$function$;

-- function app.instead()
CREATE OR REPLACE FUNCTION app.instead()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ begin return new; end; $function$;

-- function app.on_ddl()
CREATE OR REPLACE FUNCTION app.on_ddl()
 RETURNS event_trigger
 LANGUAGE plpgsql
AS $function$ begin null; end; $function$;

-- function app.plan_label(p app.plan)
CREATE OR REPLACE FUNCTION app.plan_label(p app.plan)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ select p::text $function$;

-- cast app.plan AS text
CREATE CAST (app.plan AS text) WITH FUNCTION app.plan_label(app.plan) AS ASSIGNMENT;

-- function app.slug(t text)
CREATE OR REPLACE FUNCTION app.slug(t text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ select regexp_replace(lower(t), '[^a-z0-9]+', '-', 'g') $function$;

-- function app.text_concat_final(state text)
CREATE OR REPLACE FUNCTION app.text_concat_final(state text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ select trim(state) $function$;

-- function app.touch()
CREATE OR REPLACE FUNCTION app.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ begin return null; end; $function$;

-- procedure app.bump_quota(IN account integer, IN by_how_much integer)
CREATE OR REPLACE PROCEDURE app.bump_quota(IN account integer, IN by_how_much integer DEFAULT 1)
 LANGUAGE plpgsql
AS $procedure$
begin
    update app.accounts set quota = quota + by_how_much where id = account;
end;
$procedure$;

-- aggregate app.words(text)
CREATE AGGREGATE app.words(text) (
    SFUNC = textcat,
    STYPE = text,
    FINALFUNC = app.text_concat_final,
    FINALFUNC_MODIFY = READ_ONLY,
    INITCOND = ''
);

-- table app.accounts
CREATE TABLE app.accounts (
    id integer DEFAULT nextval('app.accounts_id_seq'::regclass) NOT NULL,
    plan app.plan DEFAULT 'free'::app.plan NOT NULL,
    quota integer DEFAULT 3 NOT NULL
);

-- function app.accounts_on(p app.plan)
CREATE OR REPLACE FUNCTION app.accounts_on(p app.plan)
 RETURNS SETOF app.accounts
 LANGUAGE sql
 STABLE
AS $function$ select * from app.accounts where plan = p $function$;

-- table app.archive
CREATE TABLE app.archive (
    id integer NOT NULL,
    account_id integer NOT NULL,
    name text NOT NULL,
    slug text,
    code text
);

-- table app.logs
CREATE TABLE app.logs (
    at date NOT NULL,
    line text
)
PARTITION BY RANGE (at);

-- table app.logs_2025
CREATE TABLE app.logs_2025 (
    at date NOT NULL,
    line text
);
ALTER TABLE ONLY app.logs ATTACH PARTITION app.logs_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- table app.projects
CREATE TABLE app.projects (
    id integer DEFAULT nextval('app.projects_id_seq'::regclass) NOT NULL,
    account_id integer NOT NULL,
    name text NOT NULL,
    slug text GENERATED ALWAYS AS (app.slug(name)) STORED,
    code text DEFAULT app.slug(md5((random())::text))
);

-- function app.project_count(account integer)
CREATE OR REPLACE FUNCTION app.project_count(account integer)
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT count(*) AS count
    FROM app.projects
   WHERE (projects.account_id = project_count.account);
END;

-- sequence app.accounts_id_seq
ALTER SEQUENCE app.accounts_id_seq OWNED BY app.accounts.id;

-- sequence app.projects_id_seq
ALTER SEQUENCE app.projects_id_seq OWNED BY app.projects.id;

-- view app.account_usage
CREATE VIEW app.account_usage AS
 SELECT a.id,
    a.plan,
    app.project_count(a.id) AS projects
   FROM app.accounts a;

-- view app.busy_accounts
CREATE VIEW app.busy_accounts WITH (security_barrier=true) AS
 SELECT account_usage.id,
    account_usage.plan,
    account_usage.projects
   FROM app.account_usage
  WHERE (account_usage.projects > 1);

-- view app.pro_accounts
CREATE VIEW app.pro_accounts WITH (check_option=local, security_invoker=true) AS
 SELECT accounts.id,
    accounts.plan
   FROM app.accounts
  WHERE (accounts.plan = 'pro'::app.plan);

-- materialized view app.plan_counts
CREATE MATERIALIZED VIEW app.plan_counts AS
 SELECT accounts.plan,
    count(*) AS n
   FROM app.accounts
  GROUP BY accounts.plan
  WITH NO DATA;

-- materialized view app.usage_snapshot
CREATE MATERIALIZED VIEW app.usage_snapshot AS
 SELECT busy_accounts.id,
    busy_accounts.plan,
    busy_accounts.projects
   FROM app.busy_accounts
  WITH NO DATA;

-- Post-data: constraints, indexes, triggers, policies and what follows the rows.

-- constraint accounts_pkey on app.accounts
ALTER TABLE ONLY app.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);

-- constraint projects_name_slug on app.projects
ALTER TABLE app.projects
    ADD CONSTRAINT projects_name_slug CHECK ((app.slug(name) <> ''::text));

-- constraint projects_pkey on app.projects
ALTER TABLE ONLY app.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (id);

-- index plan_counts_plan on app.plan_counts
CREATE UNIQUE INDEX plan_counts_plan ON app.plan_counts USING btree (plan);

-- index projects_slug on app.projects
CREATE INDEX projects_slug ON app.projects USING btree (app.slug(name));

-- constraint projects_account_id_fkey on app.projects
ALTER TABLE app.projects
    ADD CONSTRAINT projects_account_id_fkey FOREIGN KEY (account_id) REFERENCES app.accounts(id) ON DELETE CASCADE;

-- trigger accounts_audit on app.accounts
CREATE TRIGGER accounts_audit AFTER UPDATE ON app.accounts FOR EACH STATEMENT EXECUTE FUNCTION app.touch();

-- trigger accounts_disabled on app.accounts
CREATE TRIGGER accounts_disabled AFTER INSERT ON app.accounts FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.accounts DISABLE TRIGGER accounts_disabled;

-- trigger accounts_plan_changed on app.accounts
CREATE TRIGGER accounts_plan_changed AFTER UPDATE OF plan ON app.accounts FOR EACH ROW WHEN ((old.plan IS DISTINCT FROM new.plan)) EXECUTE FUNCTION app.touch();

-- trigger accounts_replica on app.accounts
CREATE TRIGGER accounts_replica AFTER DELETE ON app.accounts FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.accounts ENABLE REPLICA TRIGGER accounts_replica;

-- trigger logs_touch on app.logs
CREATE TRIGGER logs_touch BEFORE INSERT ON app.logs FOR EACH ROW EXECUTE FUNCTION app.touch();

-- trigger pro_accounts_insert on app.pro_accounts
CREATE TRIGGER pro_accounts_insert INSTEAD OF INSERT ON app.pro_accounts FOR EACH ROW EXECUTE FUNCTION app.instead();

-- trigger projects_always on app.projects
CREATE TRIGGER projects_always AFTER DELETE ON app.projects FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.projects ENABLE ALWAYS TRIGGER projects_always;

-- trigger projects_check on app.projects
CREATE CONSTRAINT TRIGGER projects_check AFTER INSERT ON app.projects DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.touch();

-- trigger projects_quota on app.projects
CREATE TRIGGER projects_quota BEFORE INSERT ON app.projects FOR EACH ROW EXECUTE FUNCTION app.enforce_project_quota();

-- rule archive_protect on app.archive
CREATE RULE archive_protect AS
    ON UPDATE TO app.archive DO INSTEAD NOTHING;
ALTER TABLE app.archive DISABLE RULE archive_protect;

-- rule projects_archive on app.projects
CREATE RULE projects_archive AS
    ON DELETE TO app.projects DO  INSERT INTO app.archive (id, account_id, name)
  VALUES (old.id, old.account_id, old.name);

-- materialized view app.plan_counts
REFRESH MATERIALIZED VIEW app.plan_counts;

-- event trigger app_ddl
CREATE EVENT TRIGGER app_ddl ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
    EXECUTE FUNCTION app.on_ddl();
ALTER EVENT TRIGGER app_ddl DISABLE;

RESET check_function_bodies;
