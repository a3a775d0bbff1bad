-- Indexes that are not the implementation of a primary key, unique or exclusion constraint.
-- "attached_to" names the index of the partitioned parent a partition's index is attached to.
WITH stats AS (
    SELECT a.attrelid,
           jsonb_agg(jsonb_build_object('column', a.attnum::text, 'target', a.attstattarget::text) ORDER BY a.attnum) AS statistics
    FROM pg_attribute a
    JOIN pg_class ic ON ic.oid = a.attrelid AND ic.relkind IN ('i', 'I')
    WHERE a.attstattarget > 0
    GROUP BY a.attrelid
)
SELECT 'index' AS kind,
       n.nspname AS schema_name,
       ic.relname AS object_name,
       c.relname AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'definition', pg_get_indexdef(ix.indexrelid),
           'clustered', CASE WHEN ix.indisclustered THEN true END,
           'invalid', CASE WHEN NOT ix.indisvalid THEN true END,
           'statistics', stats.statistics,
           'attached_to', CASE WHEN pi.oid IS NOT NULL THEN quote_ident(pn.nspname) || '.' || quote_ident(pi.relname) END,
           'comment', cd.description)) AS description,
       NULL::jsonb AS hints,
       'pg_class'::regclass::oid AS class_id,
       ix.indexrelid AS obj_id
FROM pg_index ix
JOIN pg_class ic ON ic.oid = ix.indexrelid
JOIN pg_class c ON c.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = ic.relnamespace
LEFT JOIN stats ON stats.attrelid = ix.indexrelid
LEFT JOIN pg_inherits inh ON inh.inhrelid = ix.indexrelid
LEFT JOIN pg_class pi ON pi.oid = inh.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pi.relnamespace
LEFT JOIN pg_description cd ON cd.objoid = ix.indexrelid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = 0
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
