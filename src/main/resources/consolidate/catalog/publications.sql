-- Publications; their tables are publication_tables.sql, one object each.
SELECT 'publication' AS kind,
       NULL::text AS schema_name,
       p.pubname AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'owner', pg_get_userbyid(p.pubowner),
           'all_tables', CASE WHEN p.puballtables THEN true END,
           'publish', concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END,
                                CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END),
           'via_root', CASE WHEN p.pubviaroot THEN true END,
           'generated_columns', CASE WHEN to_jsonb(p) ->> 'pubgencols' IN ('s', 't') THEN 'stored' END,
           'schemas', (SELECT jsonb_agg(quote_ident(n.nspname) ORDER BY n.nspname)
                       FROM pg_publication_namespace pn JOIN pg_namespace n ON n.oid = pn.pnnspid WHERE pn.pnpubid = p.oid),
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = p.oid AND d.classoid = 'pg_publication'::regclass AND d.objsubid = 0))) AS description,
       NULL::jsonb AS hints,
       'pg_publication'::regclass::oid AS class_id,
       p.oid AS obj_id
FROM pg_publication p
