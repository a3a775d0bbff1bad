-- Settings made with ALTER DATABASE <this database> SET: one object each, the value as the server
-- keeps it. The database itself is the environment's; only its settings can be the history's.
SELECT 'database_setting' AS kind,
       NULL::text AS schema_name,
       split_part(cfg, '=', 1) AS object_name,
       NULL::text AS parent_name,
       NULL::text AS signature,
       jsonb_build_object('value', substr(cfg, length(split_part(cfg, '=', 1)) + 2)) AS description,
       NULL::jsonb AS hints,
       'pg_database'::regclass::oid AS class_id,
       d.oid AS obj_id
FROM pg_db_role_setting s
JOIN pg_database d ON d.oid = s.setdatabase,
     unnest(s.setconfig) cfg
WHERE d.datname = current_database() AND s.setrole = 0
