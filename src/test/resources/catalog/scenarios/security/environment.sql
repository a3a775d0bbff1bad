-- Roles are cluster-wide: the environment makes sure they exist (a bootstrap file, here).
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['sec_owner', 'sec_reader', 'sec_writer', 'sec_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
