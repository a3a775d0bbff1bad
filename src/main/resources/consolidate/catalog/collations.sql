-- Collations created by CREATE COLLATION (the server's own are below the first user oid or in
-- pg_catalog). Provider columns differ between majors, hence to_jsonb.
SELECT 'collation' AS kind,
       n.nspname AS schema_name,
       co.collname AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'owner', pg_get_userbyid(co.collowner),
           'provider', CASE co.collprovider WHEN 'i' THEN 'icu' WHEN 'c' THEN 'libc' WHEN 'b' THEN 'builtin' ELSE 'default' END,
           'deterministic', co.collisdeterministic,
           'lc_collate', to_jsonb(co) ->> 'collcollate',
           'lc_ctype', to_jsonb(co) ->> 'collctype',
           'locale', coalesce(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale'),
           'rules', to_jsonb(co) ->> 'collicurules',
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = co.oid AND d.classoid = 'pg_collation'::regclass AND d.objsubid = 0))) AS description,
       NULL::jsonb AS hints,
       'pg_collation'::regclass::oid AS class_id,
       co.oid AS obj_id
FROM pg_collation co
JOIN pg_namespace n ON n.oid = co.collnamespace
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_collation'::regclass AND x.objid = co.oid AND x.deptype = 'e')
