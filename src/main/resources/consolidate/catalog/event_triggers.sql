-- Event triggers (database-wide). Tags are compared as a set; the writer keeps their order (hints).
SELECT 'event_trigger' AS kind,
       NULL::text AS schema_name,
       e.evtname AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'owner', pg_get_userbyid(e.evtowner),
           'event', e.evtevent,
           'tags', (SELECT jsonb_agg(tag ORDER BY tag) FROM unnest(e.evttags) tag),
           'function', e.evtfoid::regproc::text,
           'enabled', CASE e.evtenabled WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END,
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = e.oid AND d.classoid = 'pg_event_trigger'::regclass AND d.objsubid = 0))) AS description,
       jsonb_build_object('tags_in_order', to_jsonb(e.evttags)) AS hints,
       'pg_event_trigger'::regclass::oid AS class_id,
       e.oid AS obj_id
FROM pg_event_trigger e
WHERE NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_event_trigger'::regclass AND x.objid = e.oid AND x.deptype = 'e')
