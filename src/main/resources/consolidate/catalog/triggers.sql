-- Triggers written by users (not the internal ones behind foreign keys). "derived" marks the
-- clones PostgreSQL puts on partitions when the trigger is created on the partitioned parent.
SELECT 'trigger' AS kind,
       n.nspname AS schema_name,
       t.tgname AS object_name,
       c.relname AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'definition', pg_get_triggerdef(t.oid),
           'enabled', CASE t.tgenabled WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END,
           'derived', CASE WHEN t.tgparentid <> 0 THEN true END,
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = t.oid AND d.classoid = 'pg_trigger'::regclass AND d.objsubid = 0))) AS description,
       NULL::jsonb AS hints,
       'pg_trigger'::regclass::oid AS class_id,
       t.oid AS obj_id
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
