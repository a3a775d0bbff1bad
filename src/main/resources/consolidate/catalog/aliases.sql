-- Catalog addresses that stand for another object: resolved (repeatedly) before dependencies are
-- attached to snapshot objects.
SELECT 'pg_attrdef'::regclass::oid AS class_id, ad.oid AS obj_id, 'pg_class'::regclass::oid AS to_class_id, ad.adrelid AS to_obj_id
FROM pg_attrdef ad WHERE ad.oid >= 16384
UNION ALL
SELECT 'pg_rewrite'::regclass::oid, r.oid, 'pg_class'::regclass::oid, r.ev_class
FROM pg_rewrite r WHERE r.oid >= 16384 AND r.rulename = '_RETURN'
UNION ALL
SELECT 'pg_type'::regclass::oid, t.oid, 'pg_class'::regclass::oid, t.typrelid
FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid WHERE t.oid >= 16384 AND c.relkind <> 'c'
UNION ALL
SELECT 'pg_class'::regclass::oid, c.oid, 'pg_type'::regclass::oid, c.reltype
FROM pg_class c WHERE c.oid >= 16384 AND c.relkind = 'c'
UNION ALL
SELECT 'pg_type'::regclass::oid, t.oid, 'pg_type'::regclass::oid, t.typelem
FROM pg_type t WHERE t.oid >= 16384 AND t.typelem <> 0 AND t.typsubscript = 'array_subscript_handler'::regproc
UNION ALL
SELECT 'pg_type'::regclass::oid, r.rngmultitypid, 'pg_type'::regclass::oid, r.rngtypid
FROM pg_range r WHERE r.rngtypid >= 16384
UNION ALL
SELECT 'pg_class'::regclass::oid, con.conindid, 'pg_constraint'::regclass::oid, con.oid
FROM pg_constraint con WHERE con.oid >= 16384 AND con.contype IN ('p', 'u', 'x') AND con.conindid <> 0
UNION ALL
SELECT 'pg_constraint'::regclass::oid, con.oid, 'pg_type'::regclass::oid, con.contypid
FROM pg_constraint con WHERE con.oid >= 16384 AND con.contypid <> 0
UNION ALL
SELECT 'pg_constraint'::regclass::oid, con.oid, 'pg_class'::regclass::oid, con.conrelid
FROM pg_constraint con WHERE con.oid >= 16384 AND con.contype = 'n' AND con.conrelid <> 0
UNION ALL
SELECT d.classid, d.objid, d.refclassid, d.refobjid
FROM pg_depend d
WHERE d.objid >= 16384 AND d.deptype = 'i'
  AND ((d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0)
       OR (d.classid = 'pg_proc'::regclass AND d.refclassid = 'pg_type'::regclass)
       OR (d.classid = 'pg_cast'::regclass AND d.refclassid = 'pg_type'::regclass))
UNION ALL
SELECT d.classid, d.objid, 'pg_extension'::regclass::oid, d.refobjid
FROM pg_depend d WHERE d.objid >= 16384 AND d.deptype = 'e'
