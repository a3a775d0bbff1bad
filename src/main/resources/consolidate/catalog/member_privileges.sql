-- Privileges granted or revoked on objects that belong to an extension, where they differ from
-- what the extension itself set up (pg_init_privs, else the server default).
WITH member AS (
    SELECT m.classid, m.objid, e.extname,
           (pg_identify_object(m.classid, m.objid, 0)).*,
           CASE m.classid
               WHEN 'pg_class'::regclass THEN (SELECT c.relacl FROM pg_class c WHERE c.oid = m.objid)
               WHEN 'pg_proc'::regclass THEN (SELECT p.proacl FROM pg_proc p WHERE p.oid = m.objid)
               WHEN 'pg_type'::regclass THEN (SELECT t.typacl FROM pg_type t WHERE t.oid = m.objid)
               ELSE (SELECT n.nspacl FROM pg_namespace n WHERE n.oid = m.objid) END AS acl,
           CASE m.classid
               WHEN 'pg_class'::regclass THEN (SELECT acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner) FROM pg_class c WHERE c.oid = m.objid)
               WHEN 'pg_proc'::regclass THEN (SELECT acldefault('f', p.proowner) FROM pg_proc p WHERE p.oid = m.objid)
               WHEN 'pg_type'::regclass THEN (SELECT acldefault('T', t.typowner) FROM pg_type t WHERE t.oid = m.objid)
               ELSE (SELECT acldefault('n', n.nspowner) FROM pg_namespace n WHERE n.oid = m.objid) END AS server_default,
           ip.initprivs
    FROM pg_depend m
    JOIN pg_extension e ON e.oid = m.refobjid
    LEFT JOIN pg_init_privs ip ON ip.classoid = m.classid AND ip.objoid = m.objid AND ip.objsubid = 0 AND ip.privtype = 'e'
    WHERE m.deptype = 'e' AND m.refclassid = 'pg_extension'::regclass
      AND m.classid IN ('pg_class'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass, 'pg_namespace'::regclass)
)
SELECT 'member_privileges' AS kind,
       m.schema AS schema_name,
       m.type || ' ' || m.identity AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_build_object(
           'extension', m.extname,
           'acl', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(coalesce(m.acl, m.server_default)) a)) AS description,
       jsonb_build_object(
           'acl_default', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(coalesce(m.initprivs, m.server_default)) a),
           'object_type', CASE WHEN m.type IN ('table', 'view', 'materialized view', 'foreign table') THEN 'TABLE'
                               WHEN m.type IN ('function', 'aggregate') THEN 'FUNCTION' ELSE upper(m.type) END,
           'object_identity', m.identity) AS hints,
       m.classid AS class_id,
       m.objid AS obj_id
FROM member m
WHERE coalesce(m.acl, m.server_default) IS DISTINCT FROM coalesce(m.initprivs, m.server_default)
