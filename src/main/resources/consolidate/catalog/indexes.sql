-- Indexes that are not the implementation of a primary key, unique or exclusion constraint.
-- "derived" marks partition indexes attached to an index of the partitioned parent.
SELECT 'index' AS kind,
       n.nspname AS schema_name,
       ic.relname AS object_name,
       c.relname AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'definition', pg_get_indexdef(ix.indexrelid),
           'clustered', CASE WHEN ix.indisclustered THEN true END,
           'invalid', CASE WHEN NOT ix.indisvalid THEN true END,
           'statistics', (SELECT jsonb_agg(jsonb_build_object('column', a.attnum::text, 'target', a.attstattarget::text) ORDER BY a.attnum)
                          FROM pg_attribute a WHERE a.attrelid = ix.indexrelid AND a.attstattarget > 0),
           'attached_to', (SELECT quote_ident(pn.nspname) || '.' || quote_ident(p.relname)
                           FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
                           WHERE i.inhrelid = ix.indexrelid),
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = ix.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0))) AS description,
       NULL::jsonb AS hints,
       'pg_class'::regclass::oid AS class_id,
       ix.indexrelid AS obj_id
FROM pg_index ix
JOIN pg_class ic ON ic.oid = ix.indexrelid
JOIN pg_class c ON c.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = ic.relnamespace
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
