-- Tables added to a publication, with their column list and row filter.
SELECT 'publication_table' AS kind,
       n.nspname AS schema_name,
       c.relname AS object_name,
       p.pubname AS parent_name,
       NULL::text AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'columns', (SELECT jsonb_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a
                       WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs::int2[])),
           'where', pg_get_expr(pr.prqual, pr.prrelid))) AS description,
       NULL::jsonb AS hints,
       'pg_publication_rel'::regclass::oid AS class_id,
       pr.oid AS obj_id
FROM pg_publication_rel pr
JOIN pg_publication p ON p.oid = pr.prpubid
JOIN pg_class c ON c.oid = pr.prrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
