-- Sequences, except those behind identity columns (tables.sql describes those with their column).
SELECT 'sequence' AS kind,
       n.nspname AS schema_name,
       c.relname AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'owner', pg_get_userbyid(c.relowner),
           'acl', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(coalesce(c.relacl, acldefault('s', c.relowner))) a),
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0),
           'unlogged', CASE WHEN c.relpersistence = 'u' THEN true END,
           'data_type', format_type(s.seqtypid, NULL),
           'start', s.seqstart::text,
           'increment', s.seqincrement::text,
           'min', s.seqmin::text,
           'max', s.seqmax::text,
           'cache', s.seqcache::text,
           'cycle', s.seqcycle,
           'owned_by', (SELECT quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname)
                        FROM pg_depend d
                        JOIN pg_class t ON t.oid = d.refobjid
                        JOIN pg_namespace tn ON tn.oid = t.relnamespace
                        JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                          AND d.refobjsubid > 0 AND d.deptype = 'a'))) AS description,
       jsonb_build_object('acl_default', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(acldefault('s', c.relowner)) a)) AS hints,
       'pg_class'::regclass::oid AS class_id,
       c.oid AS obj_id
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_sequence s ON s.seqrelid = c.oid
WHERE c.relkind = 'S'
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype IN ('e', 'i'))
