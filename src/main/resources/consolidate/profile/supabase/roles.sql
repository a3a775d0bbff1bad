-- The roles Supabase's image creates at initdb. Roles belong to the cluster, not the database: a
-- scratch server that already has them (a second environment on the same server, a Supabase
-- image) keeps its own, and two sessions racing to create one are both satisfied.
DO $roles$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT * FROM (VALUES
            ('postgres',                   'LOGIN CREATEDB CREATEROLE REPLICATION BYPASSRLS'),
            ('supabase_admin',             'LOGIN SUPERUSER CREATEDB CREATEROLE REPLICATION BYPASSRLS'),
            ('anon',                       'NOLOGIN NOINHERIT'),
            ('authenticated',              'NOLOGIN NOINHERIT'),
            ('service_role',               'NOLOGIN NOINHERIT BYPASSRLS'),
            ('authenticator',              'LOGIN NOINHERIT'),
            ('supabase_auth_admin',        'LOGIN NOINHERIT CREATEROLE NOREPLICATION'),
            ('supabase_storage_admin',     'LOGIN NOINHERIT CREATEROLE NOREPLICATION'),
            ('supabase_functions_admin',   'LOGIN NOINHERIT CREATEROLE NOREPLICATION'),
            ('supabase_realtime_admin',    'NOLOGIN NOINHERIT NOREPLICATION'),
            ('supabase_replication_admin', 'LOGIN REPLICATION'),
            ('supabase_read_only_user',    'LOGIN BYPASSRLS'),
            ('dashboard_user',             'NOLOGIN CREATEDB CREATEROLE REPLICATION')
        ) AS wanted(name, attributes)
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I %s', r.name, r.attributes);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$roles$;

-- PostgREST logs in as authenticator and switches to the role the request's JWT names.
GRANT anon, authenticated, service_role TO authenticator;
GRANT supabase_admin TO authenticator;
DO $read_only$
BEGIN
    -- pg_read_all_data exists from PostgreSQL 14 on.
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pg_read_all_data') THEN
        GRANT pg_read_all_data TO supabase_read_only_user;
    END IF;
END
$read_only$;
