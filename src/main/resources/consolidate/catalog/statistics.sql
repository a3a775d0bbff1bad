-- Extended statistics objects (CREATE STATISTICS).
SELECT 'statistics' AS kind,
       n.nspname AS schema_name,
       s.stxname AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'owner', pg_get_userbyid(s.stxowner),
           'definition', pg_get_statisticsobjdef(s.oid),
           'target', CASE WHEN (to_jsonb(s) ->> 'stxstattarget')::int >= 0 THEN to_jsonb(s) ->> 'stxstattarget' END,
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = s.oid AND d.classoid = 'pg_statistic_ext'::regclass AND d.objsubid = 0))) AS description,
       NULL::jsonb AS hints,
       'pg_statistic_ext'::regclass::oid AS class_id,
       s.oid AS obj_id
FROM pg_statistic_ext s
JOIN pg_namespace n ON n.oid = s.stxnamespace
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_statistic_ext'::regclass AND x.objid = s.oid AND x.deptype = 'e')
