-- Table constraints: primary key, unique, check, exclusion, foreign key. NOT NULL lives with the
-- column (PostgreSQL 18 also stores it here as contype 'n'); constraint triggers are triggers.
-- "derived" marks the copies PostgreSQL makes itself when the parent's constraint is added
-- (inherited checks, foreign keys cloned onto partitions); a partition's own primary key, unique or
-- exclusion constraint names the parent index its index is attached to.
SELECT 'constraint' AS kind,
       n.nspname AS schema_name,
       con.conname AS object_name,
       c.relname AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'type', CASE con.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique' WHEN 'c' THEN 'check'
                                    WHEN 'x' THEN 'exclusion' WHEN 'f' THEN 'foreign key' END,
           'definition', pg_get_constraintdef(con.oid),
           'derived', CASE WHEN (con.conparentid <> 0 AND con.contype = 'f') OR (con.conparentid = 0 AND NOT con.conislocal) THEN true END,
           'index_attached_to', CASE WHEN con.conparentid <> 0 AND con.contype IN ('p', 'u', 'x') THEN
               (SELECT quote_ident(pn.nspname) || '.' || quote_ident(pi.relname)
                FROM pg_inherits i JOIN pg_class pi ON pi.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pi.relnamespace
                WHERE i.inhrelid = con.conindid) END,
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0))) AS description,
       NULL::jsonb AS hints,
       'pg_constraint'::regclass::oid AS class_id,
       con.oid AS obj_id
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE con.contype IN ('p', 'u', 'c', 'x', 'f')
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
