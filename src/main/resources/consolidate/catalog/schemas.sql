-- Schemas outside the system ones. Every object query returns the same columns:
-- kind, schema_name, object_name, parent_name, signature (identity), description (the canonical
-- content: only strings, booleans, arrays and objects, nulls stripped), hints (what the baseline
-- writer needs but is not content, e.g. the server's default ACL), class_id and obj_id (the
-- catalog address, used to resolve pg_depend and never stored).
SELECT 'schema' AS kind,
       n.nspname AS schema_name,
       n.nspname AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'owner', pg_get_userbyid(n.nspowner),
           'acl', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(coalesce(n.nspacl, acldefault('n', n.nspowner))) a),
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0))) AS description,
       jsonb_build_object('acl_default', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(acldefault('n', n.nspowner)) a)) AS hints,
       'pg_namespace'::regclass::oid AS class_id,
       n.oid AS obj_id
FROM pg_namespace n
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
