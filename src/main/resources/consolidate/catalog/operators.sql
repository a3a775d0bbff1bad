-- Operators created by CREATE OPERATOR.
SELECT 'operator' AS kind,
       n.nspname AS schema_name,
       o.oprname AS object_name,
       NULL::text AS parent_name,
       coalesce(format_type(nullif(o.oprleft, 0), NULL), 'NONE') || ', ' || coalesce(format_type(nullif(o.oprright, 0), NULL), 'NONE') AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'owner', pg_get_userbyid(o.oprowner),
           'left', format_type(nullif(o.oprleft, 0), NULL),
           'right', format_type(nullif(o.oprright, 0), NULL),
           'function', o.oprcode::regproc::text,
           'commutator', CASE WHEN o.oprcom <> 0 THEN o.oprcom::regoperator::text END,
           'negator', CASE WHEN o.oprnegate <> 0 THEN o.oprnegate::regoperator::text END,
           'restrict', CASE WHEN o.oprrest <> 0 THEN o.oprrest::regproc::text END,
           'join', CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::regproc::text END,
           'hashes', CASE WHEN o.oprcanhash THEN true END,
           'merges', CASE WHEN o.oprcanmerge THEN true END,
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = o.oid AND d.classoid = 'pg_operator'::regclass AND d.objsubid = 0))) AS description,
       NULL::jsonb AS hints,
       'pg_operator'::regclass::oid AS class_id,
       o.oid AS obj_id
FROM pg_operator o
JOIN pg_namespace n ON n.oid = o.oprnamespace
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_operator'::regclass AND x.objid = o.oid AND x.deptype = 'e')
