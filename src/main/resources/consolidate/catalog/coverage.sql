-- Objects the snapshot does not model, so they are reported instead of silently skipped: each
-- becomes an 'unmodelled' object and, unless the environment already had it, a coverage error.
WITH candidate (class_id, obj_id, what) AS (
    SELECT 'pg_class'::regclass::oid, c.oid, 'foreign table' FROM pg_class c WHERE c.relkind = 'f'
    UNION ALL
    SELECT 'pg_type'::regclass::oid, t.oid, CASE t.typtype WHEN 'p' THEN 'shell type' ELSE 'base type' END
    FROM pg_type t
    WHERE t.oid >= 16384 AND (t.typtype = 'p' OR (t.typtype = 'b' AND NOT (t.typelem <> 0 AND t.typsubscript = 'array_subscript_handler'::regproc)))
    UNION ALL SELECT 'pg_opclass'::regclass::oid, oid, 'operator class' FROM pg_opclass WHERE oid >= 16384
    UNION ALL SELECT 'pg_opfamily'::regclass::oid, oid, 'operator family' FROM pg_opfamily WHERE oid >= 16384
    UNION ALL SELECT 'pg_conversion'::regclass::oid, oid, 'conversion' FROM pg_conversion WHERE oid >= 16384
    UNION ALL SELECT 'pg_ts_config'::regclass::oid, oid, 'text search configuration' FROM pg_ts_config WHERE oid >= 16384
    UNION ALL SELECT 'pg_ts_dict'::regclass::oid, oid, 'text search dictionary' FROM pg_ts_dict WHERE oid >= 16384
    UNION ALL SELECT 'pg_ts_parser'::regclass::oid, oid, 'text search parser' FROM pg_ts_parser WHERE oid >= 16384
    UNION ALL SELECT 'pg_ts_template'::regclass::oid, oid, 'text search template' FROM pg_ts_template WHERE oid >= 16384
    UNION ALL SELECT 'pg_foreign_data_wrapper'::regclass::oid, oid, 'foreign-data wrapper' FROM pg_foreign_data_wrapper WHERE oid >= 16384
    UNION ALL SELECT 'pg_foreign_server'::regclass::oid, oid, 'foreign server' FROM pg_foreign_server WHERE oid >= 16384
    -- pg_user_mapping itself is readable by superusers only; the pg_user_mappings view by everyone.
    UNION ALL SELECT 'pg_user_mapping'::regclass::oid, umid, 'user mapping' FROM pg_user_mappings WHERE umid >= 16384
    UNION ALL SELECT 'pg_language'::regclass::oid, oid, 'language' FROM pg_language WHERE oid >= 16384
    UNION ALL SELECT 'pg_transform'::regclass::oid, oid, 'transform' FROM pg_transform WHERE oid >= 16384
    UNION ALL SELECT 'pg_am'::regclass::oid, oid, 'access method' FROM pg_am WHERE oid >= 16384
    UNION ALL SELECT 'pg_largeobject_metadata'::regclass::oid, oid, 'large object' FROM pg_largeobject_metadata
    UNION ALL
    SELECT 'pg_subscription'::regclass::oid, s.oid, 'subscription'
    FROM pg_subscription s JOIN pg_database d ON d.oid = s.subdbid WHERE d.datname = current_database()
),
found AS (
    SELECT c.class_id, c.obj_id, c.what, pg_describe_object(c.class_id, c.obj_id, 0) AS description,
           (pg_identify_object(c.class_id, c.obj_id, 0)).schema AS schema_name
    FROM candidate c
    WHERE NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = c.class_id AND x.objid = c.obj_id AND x.deptype IN ('e', 'i'))
    UNION ALL
    SELECT l.classoid, l.objoid, 'security label', 'security label (' || l.provider || ') on ' || pg_describe_object(l.classoid, l.objoid, l.objsubid),
           (pg_identify_object(l.classoid, l.objoid, 0)).schema
    FROM pg_seclabel l
)
SELECT 'unmodelled' AS kind,
       f.schema_name,
       f.description AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_build_object('what', f.what) AS description,
       NULL::jsonb AS hints,
       f.class_id,
       f.obj_id
FROM found f
WHERE f.schema_name IS NULL OR (f.schema_name !~ '^pg_' AND f.schema_name <> 'information_schema')
