-- ALTER DEFAULT PRIVILEGES entries, per role, schema (none: database-wide) and object type.
SELECT 'default_privileges' AS kind,
       n.nspname AS schema_name,
       pg_get_userbyid(d.defaclrole) AS object_name,
       NULL::text AS parent_name,
       CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
                            WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' ELSE 'large objects' END AS signature,
       jsonb_build_object('acl', (SELECT coalesce(jsonb_agg(a::text ORDER BY a::text), '[]') FROM unnest(d.defaclacl) a)) AS description,
       jsonb_build_object('acl_default', (SELECT jsonb_agg(a::text ORDER BY a::text)
                                          FROM unnest(acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's' WHEN 'T' THEN 'T' WHEN 'n' THEN 'n'
                                                                 WHEN 'f' THEN 'f' WHEN 'L' THEN 'L' ELSE 'r' END::"char", d.defaclrole)) a)) AS hints,
       'pg_default_acl'::regclass::oid AS class_id,
       d.oid AS obj_id
FROM pg_default_acl d
LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
