-- Ordinary and partitioned tables with their columns in order. A partition lists all its columns
-- (it is rebuilt as CREATE TABLE then ATTACH PARTITION); an inheritance child marks the columns it
-- only inherits.
WITH not_null AS (
    -- PostgreSQL 18 keeps NOT NULL as constraints (none before), with the names shared in a schema
    SELECT nn.conrelid, nn.conkey[1] AS attnum, nn.conname,
           count(*) OVER (PARTITION BY nn.connamespace, nn.conname) > 1 AS shared
    FROM pg_constraint nn
    WHERE nn.contype = 'n'
),
cols AS (
    -- one pass over the columns of every table, grouped, rather than a subquery per table
    SELECT a.attrelid,
           jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                      'name', a.attname,
                      'type', format_type(a.atttypid, a.atttypmod),
                      'not_null', CASE WHEN a.attnotnull THEN true END,
                      'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
                      'comment', cd.description)
                  -- what few columns have is built only for them: a null-heavy object per column is costly
                  || CASE WHEN a.attgenerated <> '' OR a.attidentity <> '' OR (a.attcollation <> 0 AND a.attcollation <> t.typcollation)
                              OR a.attstorage <> t.typstorage OR a.attcompression <> '' OR a.attstattarget >= 0
                              OR a.attoptions IS NOT NULL OR a.attacl IS NOT NULL OR (NOT r.relispartition AND NOT a.attislocal)
                              OR (a.attnotnull AND (nn.conname <> r.relname || '_' || a.attname || '_not_null' OR nn.shared))
                     THEN jsonb_build_object(
                      -- PostgreSQL 18 names NOT NULL constraints; a name is kept unless it is the default and no
                      -- other constraint of the schema bears it (the default depends on what exists when it is chosen)
                      'not_null_name', CASE WHEN a.attnotnull AND (nn.conname <> r.relname || '_' || a.attname || '_not_null'
                                                                   OR nn.shared) THEN nn.conname END,
                      'generated', CASE a.attgenerated WHEN 's' THEN 'stored' WHEN 'v' THEN 'virtual' END,
                      'expression', CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
                      'identity', CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END,
                      'identity_sequence', CASE WHEN a.attidentity <> '' THEN
                          (SELECT jsonb_build_object(
                                      'name', quote_ident(sn.nspname) || '.' || quote_ident(sc.relname),
                                      'data_type', format_type(s.seqtypid, NULL),
                                      'start', s.seqstart::text, 'increment', s.seqincrement::text,
                                      'min', s.seqmin::text, 'max', s.seqmax::text,
                                      'cache', s.seqcache::text, 'cycle', s.seqcycle)
                           FROM pg_depend d
                           JOIN pg_class sc ON sc.oid = d.objid AND sc.relkind = 'S'
                           JOIN pg_namespace sn ON sn.oid = sc.relnamespace
                           JOIN pg_sequence s ON s.seqrelid = sc.oid
                           WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                             AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i') END,
                      'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
                          (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
                           FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END,
                      'storage', CASE WHEN a.attstorage <> t.typstorage THEN
                          CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main' ELSE 'extended' END END,
                      'compression', CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END,
                      'statistics', CASE WHEN a.attstattarget IS NOT NULL AND a.attstattarget >= 0 THEN a.attstattarget::text END,
                      'options', CASE WHEN a.attoptions IS NOT NULL THEN (SELECT jsonb_agg(o ORDER BY o) FROM unnest(a.attoptions) o) END,
                      'inherited_only', CASE WHEN NOT r.relispartition AND NOT a.attislocal THEN true END,
                      'acl', CASE WHEN a.attacl IS NOT NULL THEN (SELECT jsonb_agg(x::text ORDER BY x::text) FROM unnest(a.attacl) x) END)
                     ELSE '{}'::jsonb END) ORDER BY a.attnum) AS columns
    FROM pg_attribute a
    JOIN pg_class r ON r.oid = a.attrelid AND r.relkind IN ('r', 'p')
    JOIN pg_namespace rn ON rn.oid = r.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    LEFT JOIN pg_description cd ON cd.objoid = a.attrelid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = a.attnum
    LEFT JOIN not_null nn ON nn.conrelid = a.attrelid AND nn.attnum = a.attnum
    WHERE a.attnum > 0 AND NOT a.attisdropped
      AND rn.nspname !~ '^pg_' AND rn.nspname <> 'information_schema'
    GROUP BY a.attrelid
)
SELECT 'table' AS kind,
       n.nspname AS schema_name,
       c.relname AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'owner', pg_get_userbyid(c.relowner),
           'acl', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(coalesce(c.relacl, acldefault('r', c.relowner))) a),
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0),
           'partitioned', CASE WHEN c.relkind = 'p' THEN true END,
           'unlogged', CASE WHEN c.relpersistence = 'u' THEN true END,
           'partition_key', CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
           'partition_of', CASE WHEN c.relispartition THEN
               (SELECT quote_ident(pn.nspname) || '.' || quote_ident(p.relname)
                FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
                WHERE i.inhrelid = c.oid) END,
           'partition_bound', CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
           'inherits', CASE WHEN NOT c.relispartition THEN
               (SELECT jsonb_agg(quote_ident(pn.nspname) || '.' || quote_ident(p.relname) ORDER BY i.inhseqno)
                FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
                WHERE i.inhrelid = c.oid) END,
           'of_type', CASE WHEN c.reloftype <> 0 THEN format_type(c.reloftype, NULL) END,
           'options', CASE WHEN c.reloptions IS NOT NULL THEN (SELECT jsonb_agg(o ORDER BY o) FROM unnest(c.reloptions) o) END,
           'access_method', CASE WHEN am.amname IS DISTINCT FROM 'heap' THEN am.amname END,
           'tablespace', CASE WHEN c.reltablespace <> 0 THEN (SELECT ts.spcname FROM pg_tablespace ts WHERE ts.oid = c.reltablespace) END,
           'row_security', CASE WHEN c.relrowsecurity THEN true END,
           'force_row_security', CASE WHEN c.relforcerowsecurity THEN true END,
           'replica_identity', CASE c.relreplident WHEN 'n' THEN 'nothing' WHEN 'f' THEN 'full'
               WHEN 'i' THEN (SELECT 'index ' || quote_ident(ic.relname) FROM pg_index ix JOIN pg_class ic ON ic.oid = ix.indexrelid
                              WHERE ix.indrelid = c.oid AND ix.indisreplident) END,
           'columns', cols.columns)) AS description,
       jsonb_build_object('acl_default', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(acldefault('r', c.relowner)) a)) AS hints,
       'pg_class'::regclass::oid AS class_id,
       c.oid AS obj_id
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_am am ON am.oid = c.relam
LEFT JOIN cols ON cols.attrelid = c.oid
WHERE c.relkind IN ('r', 'p')
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
