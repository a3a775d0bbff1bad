-- Every named object of the connected database outside PostgreSQL's own schemas, as
-- (kind, schema, name): what the environment leaves before the history runs. Sub-objects
-- (constraints, triggers, policies, rules) are named table.object; routines carry their argument
-- types. Array types and the row types of relations are left out: they come with their owner.
WITH user_namespace AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast%'
      AND n.nspname NOT LIKE 'pg\_temp\_%'
)
SELECT kind, schema, name
FROM (
    SELECT 'schema' AS kind, '' AS schema, n.nspname AS name
    FROM user_namespace n
    UNION ALL
    SELECT 'extension', n.nspname, e.extname
    FROM pg_extension e
    JOIN pg_namespace n ON n.oid = e.extnamespace
    UNION ALL
    SELECT CASE c.relkind
               WHEN 'r' THEN 'table'
               WHEN 'p' THEN 'table'
               WHEN 'v' THEN 'view'
               WHEN 'm' THEN 'materialized view'
               WHEN 'S' THEN 'sequence'
               WHEN 'f' THEN 'foreign table'
               ELSE 'index'
           END,
           n.nspname, c.relname
    FROM pg_class c
    JOIN user_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'i', 'I')
    UNION ALL
    SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, n.nspname, t.typname
    FROM pg_type t
    JOIN user_namespace n ON n.oid = t.typnamespace
    LEFT JOIN pg_class c ON c.oid = t.typrelid
    WHERE t.typtype IN ('e', 'd', 'r', 'm')
       OR (t.typtype = 'c' AND c.relkind = 'c')
       OR (t.typtype = 'b' AND t.typcategory <> 'A')
    UNION ALL
    SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
           n.nspname, p.proname || '(' || oidvectortypes(p.proargtypes) || ')'
    FROM pg_proc p
    JOIN user_namespace n ON n.oid = p.pronamespace
    UNION ALL
    SELECT 'constraint', n.nspname, c.relname || '.' || co.conname
    FROM pg_constraint co
    JOIN pg_class c ON c.oid = co.conrelid
    JOIN user_namespace n ON n.oid = c.relnamespace
    UNION ALL
    SELECT 'trigger', n.nspname, c.relname || '.' || tg.tgname
    FROM pg_trigger tg
    JOIN pg_class c ON c.oid = tg.tgrelid
    JOIN user_namespace n ON n.oid = c.relnamespace
    WHERE NOT tg.tgisinternal
    UNION ALL
    SELECT 'policy', n.nspname, c.relname || '.' || pol.polname
    FROM pg_policy pol
    JOIN pg_class c ON c.oid = pol.polrelid
    JOIN user_namespace n ON n.oid = c.relnamespace
    UNION ALL
    SELECT 'rule', n.nspname, c.relname || '.' || r.rulename
    FROM pg_rewrite r
    JOIN pg_class c ON c.oid = r.ev_class
    JOIN user_namespace n ON n.oid = c.relnamespace
    WHERE r.rulename <> '_RETURN'
    UNION ALL
    SELECT 'publication', '', pub.pubname
    FROM pg_publication pub
    UNION ALL
    SELECT 'event trigger', '', evt.evtname
    FROM pg_event_trigger evt
) AS environment_object
ORDER BY kind, schema, name
