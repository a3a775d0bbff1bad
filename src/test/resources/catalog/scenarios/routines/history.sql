-- Functions, procedures, aggregates, triggers, rules, views and what depends on what: SQL-standard
-- bodies that name tables, functions in defaults, checks, indexes and policies, views on views.
create schema app;
create type app.plan as enum ('free', 'pro');
alter type app.plan add value 'team' before 'pro';
alter type app.plan add value 'enterprise';

create table app.accounts (id serial primary key, plan app.plan not null default 'free', quota int not null default 3);
create table app.projects (id serial primary key, account_id int not null references app.accounts on delete cascade, name text not null);

-- Quota enforcement: a BEFORE INSERT trigger, as in the seeds.
create function app.enforce_project_quota() returns trigger language plpgsql as $$
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
$$;
create trigger projects_quota before insert on app.projects for each row execute function app.enforce_project_quota();

-- An SQL-standard body is parsed at creation: it depends on the table, and a view depends on it.
create function app.project_count(account int) returns bigint language sql stable
begin atomic
    select count(*) from app.projects where account_id = account;
end;
create view app.account_usage as
    select a.id, a.plan, app.project_count(a.id) as projects from app.accounts a;
create view app.busy_accounts with (security_barrier = true) as
    select * from app.account_usage where projects > 1;
create view app.pro_accounts with (security_invoker = true) as
    select id, plan from app.accounts where plan = 'pro' with local check option;
create materialized view app.usage_snapshot as select * from app.busy_accounts with no data;
create materialized view app.plan_counts as select plan, count(*) as n from app.accounts group by plan;
create unique index plan_counts_plan on app.plan_counts (plan);

-- Immutable function used in an index, a check and a default.
create function app.slug(t text) returns text language sql immutable strict parallel safe
as $$ select regexp_replace(lower(t), '[^a-z0-9]+', '-', 'g') $$;
alter table app.projects add column slug text generated always as (app.slug(name)) stored;
create index projects_slug on app.projects (app.slug(name));
alter table app.projects add constraint projects_name_slug check (app.slug(name) <> '');
alter table app.projects add column code text default app.slug(md5(random()::text));

-- A procedure, an aggregate with a final function, a function with OUT parameters and defaults.
create procedure app.bump_quota(account int, by_how_much int default 1) language plpgsql as $$
begin
    update app.accounts set quota = quota + by_how_much where id = account;
end;
$$;
create function app.text_concat_final(state text) returns text language sql immutable as $$ select trim(state) $$;
create aggregate app.words(text) (sfunc = textcat, stype = text, finalfunc = app.text_concat_final, initcond = '');
create function app.account_summary(account int, out plan app.plan, out projects bigint, inout detailed boolean default false)
    language sql stable as $$ select a.plan, app.project_count(a.id), detailed from app.accounts a where a.id = account $$;
create function app.accounts_on(p app.plan) returns setof app.accounts language sql stable as $$ select * from app.accounts where plan = p $$;
create function app.costly() returns setof int language sql cost 1000 rows 1 leakproof security definer set work_mem = '64MB' set search_path = app, pg_temp as $$ select 1 $$;

-- Triggers in every state: statement level, WHEN clause, constraint trigger, disabled, replica, always,
-- INSTEAD OF on a view, and a trigger on a partitioned table (cloned onto its partitions).
create function app.touch() returns trigger language plpgsql as $$ begin return null; end; $$;
create function app.instead() returns trigger language plpgsql as $$ begin return new; end; $$;
create trigger accounts_audit after update on app.accounts for each statement execute function app.touch();
create trigger accounts_plan_changed after update of plan on app.accounts for each row
    when (old.plan is distinct from new.plan) execute function app.touch();
create constraint trigger projects_check after insert on app.projects deferrable initially deferred
    for each row execute function app.touch();
create trigger accounts_disabled after insert on app.accounts for each row execute function app.touch();
alter table app.accounts disable trigger accounts_disabled;
create trigger accounts_replica after delete on app.accounts for each row execute function app.touch();
alter table app.accounts enable replica trigger accounts_replica;
create trigger projects_always after delete on app.projects for each row execute function app.touch();
alter table app.projects enable always trigger projects_always;
create trigger pro_accounts_insert instead of insert on app.pro_accounts for each row execute function app.instead();
create table app.logs (at date not null, line text) partition by range (at);
create table app.logs_2025 partition of app.logs for values from ('2025-01-01') to ('2026-01-01');
create trigger logs_touch before insert on app.logs for each row execute function app.touch();

-- Rules, one disabled.
create table app.archive (like app.projects);
create rule projects_archive as on delete to app.projects do also insert into app.archive (id, account_id, name) values (old.id, old.account_id, old.name);
create rule archive_protect as on update to app.archive do instead nothing;
alter table app.archive disable rule archive_protect;

-- An event trigger and a cast.
create function app.on_ddl() returns event_trigger language plpgsql as $$ begin null; end; $$;
create event trigger app_ddl on ddl_command_end when tag in ('CREATE TABLE', 'ALTER TABLE') execute function app.on_ddl();
alter event trigger app_ddl disable;
create function app.plan_label(p app.plan) returns text language sql immutable as $$ select p::text $$;
create cast (app.plan as text) with function app.plan_label(app.plan) as assignment;
