-- Objects in the connected database that PostgreSQL itself did not put there: a database that
-- holds any is somebody's data, not a place to create and drop scratch databases from.
SELECT count(*)
FROM (
    SELECT n.oid
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'public')
      AND n.nspname NOT LIKE 'pg\_%'
    UNION ALL
    SELECT c.oid
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_%'
    UNION ALL
    SELECT p.oid
    FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_%'
    UNION ALL
    SELECT e.oid
    FROM pg_extension e
    WHERE e.extname <> 'plpgsql'
) AS user_objects
