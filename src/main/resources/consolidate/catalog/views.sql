-- Views and materialized views; their columns carry what can be set on them one by one
-- (comment, column privileges, a default on a view column).
SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized_view' END AS kind,
       n.nspname AS schema_name,
       c.relname AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'owner', pg_get_userbyid(c.relowner),
           'acl', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(coalesce(c.relacl, acldefault('r', c.relowner))) a),
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0),
           'definition', pg_get_viewdef(c.oid),
           'options', CASE WHEN c.reloptions IS NOT NULL THEN (SELECT jsonb_agg(o ORDER BY o) FROM unnest(c.reloptions) o) END,
           'populated', CASE WHEN c.relkind = 'm' THEN c.relispopulated END,
           'access_method', CASE WHEN c.relkind = 'm' AND am.amname IS DISTINCT FROM 'heap' THEN am.amname END,
           'tablespace', CASE WHEN c.reltablespace <> 0 THEN (SELECT ts.spcname FROM pg_tablespace ts WHERE ts.oid = c.reltablespace) END,
           'columns', (
               SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                          'name', a.attname,
                          'type', format_type(a.atttypid, a.atttypmod),
                          'default', pg_get_expr(ad.adbin, ad.adrelid),
                          'statistics', CASE WHEN a.attstattarget IS NOT NULL AND a.attstattarget >= 0 THEN a.attstattarget::text END,
                          'acl', CASE WHEN a.attacl IS NOT NULL THEN (SELECT jsonb_agg(x::text ORDER BY x::text) FROM unnest(a.attacl) x) END,
                          'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum))) ORDER BY a.attnum)
               FROM pg_attribute a
               LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
               WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped))) AS description,
       jsonb_build_object('acl_default', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(acldefault('r', c.relowner)) a)) AS hints,
       'pg_class'::regclass::oid AS class_id,
       c.oid AS obj_id
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_am am ON am.oid = c.relam
WHERE c.relkind IN ('v', 'm')
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
