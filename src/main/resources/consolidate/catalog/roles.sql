-- Roles this database's objects refer to (as owner, grantee or policy role: pg_shdepend), with the
-- attributes that CREATE ROLE sets, the roles they are members of and their settings (everywhere,
-- and in this database). Never a password. Roles are cluster-wide: the baseline only makes sure
-- they exist.
SELECT 'role' AS kind,
       NULL::text AS schema_name,
       r.rolname AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'login', r.rolcanlogin,
           'inherit', r.rolinherit,
           'superuser', CASE WHEN r.rolsuper THEN true END,
           'create_role', CASE WHEN r.rolcreaterole THEN true END,
           'create_db', CASE WHEN r.rolcreatedb THEN true END,
           'replication', CASE WHEN r.rolreplication THEN true END,
           'bypass_rls', CASE WHEN r.rolbypassrls THEN true END,
           'member_of', (SELECT jsonb_agg(g.rolname ORDER BY g.rolname)
                         FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                         WHERE m.member = r.oid AND g.rolname !~ '^pg_'),
           'settings', (SELECT jsonb_agg(cfg ORDER BY cfg) FROM pg_db_role_setting st, unnest(st.setconfig) cfg
                        WHERE st.setrole = r.oid AND st.setdatabase = 0),
           'database_settings', (SELECT jsonb_agg(cfg ORDER BY cfg) FROM pg_db_role_setting st, unnest(st.setconfig) cfg
                                 WHERE st.setrole = r.oid
                                   AND st.setdatabase = (SELECT db.oid FROM pg_database db WHERE db.datname = current_database())))) AS description,
       NULL::jsonb AS hints,
       'pg_authid'::regclass::oid AS class_id,
       r.oid AS obj_id
FROM pg_roles r
WHERE r.rolname !~ '^pg_'
  AND EXISTS (SELECT 1 FROM pg_shdepend d
              WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = r.oid
                AND d.dbid = (SELECT db.oid FROM pg_database db WHERE db.datname = current_database()))
