-- Functions and procedures (aggregates: aggregates.sql). The definition is the server's own
-- CREATE OR REPLACE text; the separate fields repeat its parts so a difference names them.
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END AS kind,
       n.nspname AS schema_name,
       p.proname AS object_name,
       NULL::text AS parent_name,
       pg_get_function_identity_arguments(p.oid) AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'owner', pg_get_userbyid(p.proowner),
           'acl', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(coalesce(p.proacl, acldefault('f', p.proowner))) a),
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0),
           'definition', pg_get_functiondef(p.oid),
           'language', l.lanname,
           'returns', CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END,
           'volatility', CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END,
           'security_definer', CASE WHEN p.prosecdef THEN true END,
           'strict', CASE WHEN p.proisstrict THEN true END,
           'leakproof', CASE WHEN p.proleakproof THEN true END,
           'parallel', CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' END,
           'config', (SELECT jsonb_agg(cfg ORDER BY ord) FROM unnest(p.proconfig) WITH ORDINALITY AS u(cfg, ord)))) AS description,
       jsonb_build_object('acl_default', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(acldefault('f', p.proowner)) a)) AS hints,
       'pg_proc'::regclass::oid AS class_id,
       p.oid AS obj_id
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p', 'w')
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_proc'::regclass AND x.objid = p.oid AND x.deptype IN ('e', 'i'))
