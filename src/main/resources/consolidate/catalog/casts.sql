-- Casts created by CREATE CAST (the built-in ones have oids below FirstNormalObjectId, 16384).
SELECT 'cast' AS kind,
       NULL::text AS schema_name,
       format_type(ca.castsource, NULL) || ' AS ' || format_type(ca.casttarget, NULL) AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'source', format_type(ca.castsource, NULL),
           'target', format_type(ca.casttarget, NULL),
           'method', CASE ca.castmethod WHEN 'f' THEN 'function' WHEN 'i' THEN 'inout' ELSE 'binary' END,
           'function', CASE WHEN ca.castfunc <> 0 THEN ca.castfunc::regprocedure::text END,
           'context', CASE ca.castcontext WHEN 'i' THEN 'implicit' WHEN 'a' THEN 'assignment' ELSE 'explicit' END,
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = ca.oid AND d.classoid = 'pg_cast'::regclass AND d.objsubid = 0))) AS description,
       NULL::jsonb AS hints,
       'pg_cast'::regclass::oid AS class_id,
       ca.oid AS obj_id
FROM pg_cast ca
WHERE ca.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_cast'::regclass AND x.objid = ca.oid AND x.deptype IN ('e', 'i'))
