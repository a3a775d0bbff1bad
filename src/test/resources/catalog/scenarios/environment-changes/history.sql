-- The history changes what the environment made instead of creating it.
alter table base.settings enable row level security;
alter table base.settings add column scope text not null default 'global';
alter table base.settings alter column value set not null;
alter table base.settings alter column updated_at drop default;
comment on table base.settings is 'Key/value settings.';
revoke select on base.settings from env_reader;
grant insert on base.settings to env_reader;
alter type base.color add value 'green' after 'red';
create or replace function base.version() returns text language sql as $$ select '2' $$;
create or replace view base.keys as select key, scope from base.settings;
drop policy settings_all on base.settings;
create policy settings_global on base.settings for select using (scope = 'global');
drop index base.settings_value_idx;
create index settings_value_idx on base.settings (lower(value));
drop table base.obsolete;
alter sequence base.counter increment by 5 cache 10;
alter default privileges in schema base revoke select on tables from env_reader;
-- And creates its own objects next to them, some in the environment's schema.
create table base.flags (name text primary key, color base.color not null default 'red');
create table public.notes (id serial primary key, setting_key text references base.settings (key));
