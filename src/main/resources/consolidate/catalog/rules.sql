-- Rewrite rules, except the _RETURN rule that implements every view.
SELECT 'rule' AS kind,
       n.nspname AS schema_name,
       r.rulename AS object_name,
       c.relname AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'definition', pg_get_ruledef(r.oid),
           'enabled', CASE r.ev_enabled WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END,
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = r.oid AND d.classoid = 'pg_rewrite'::regclass AND d.objsubid = 0))) AS description,
       NULL::jsonb AS hints,
       'pg_rewrite'::regclass::oid AS class_id,
       r.oid AS obj_id
FROM pg_rewrite r
JOIN pg_class c ON c.oid = r.ev_class
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE r.rulename <> '_RETURN'
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
