-- Installed extensions. Their member objects are left out of every other query: CREATE EXTENSION
-- makes them.
SELECT 'extension' AS kind,
       NULL::text AS schema_name,
       e.extname AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'schema', quote_ident(n.nspname),
           'version', e.extversion,
           'owner', pg_get_userbyid(e.extowner),
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = e.oid AND d.classoid = 'pg_extension'::regclass AND d.objsubid = 0))) AS description,
       jsonb_build_object('default_version', (SELECT a.default_version FROM pg_available_extensions a WHERE a.name = e.extname),
                          'relocatable', e.extrelocatable) AS hints,
       'pg_extension'::regclass::oid AS class_id,
       e.oid AS obj_id
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
