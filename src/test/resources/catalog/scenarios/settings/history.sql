-- Settings a history makes on its database and on roles: a search path (a list setting), a custom
-- setting read by policies, a timeout for an API role everywhere and a memory limit in this database.
create schema app;
do $$
begin
    execute format('alter database %I set search_path to app, "$user", public', current_database());
    execute format('alter database %I set "app.settings.tenant" to %L', current_database(), 'acme');
    execute format('alter database %I set statement_timeout to %L', current_database(), '30s');
    if not exists (select 1 from pg_roles where rolname = 'settings_api') then
        create role settings_api nologin;
    end if;
    execute 'alter role settings_api set statement_timeout = ''5s''';
    execute format('alter role settings_api in database %I set work_mem = %L', current_database(), '16MB');
end
$$;
create table app.items (id int primary key, tenant text not null default current_setting('app.settings.tenant'));
grant select on app.items to settings_api;
