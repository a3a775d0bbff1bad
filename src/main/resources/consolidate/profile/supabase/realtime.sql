-- Supabase Realtime: the publication its change feed reads (empty until migrations add tables
-- to it) and the broadcast-from-database messages table that user migrations write policies on.
CREATE PUBLICATION supabase_realtime;

CREATE SCHEMA realtime AUTHORIZATION supabase_admin;
CREATE SCHEMA _realtime AUTHORIZATION supabase_admin;

CREATE TABLE realtime.messages (
    topic text NOT NULL,
    extension text NOT NULL,
    payload jsonb,
    event text,
    private boolean DEFAULT false,
    updated_at timestamp NOT NULL DEFAULT now(),
    inserted_at timestamp NOT NULL DEFAULT now(),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    CONSTRAINT messages_pkey PRIMARY KEY (id, inserted_at)
) PARTITION BY RANGE (inserted_at);
ALTER TABLE realtime.messages ENABLE ROW LEVEL SECURITY;

-- The channel topic of the message being authorised, for policies on realtime.messages.
CREATE FUNCTION realtime.topic() RETURNS text
    LANGUAGE sql STABLE
AS $$
    SELECT nullif(current_setting('realtime.topic', true), '')::text
$$;

ALTER TABLE realtime.messages OWNER TO supabase_realtime_admin;
ALTER FUNCTION realtime.topic() OWNER TO supabase_realtime_admin;
GRANT USAGE ON SCHEMA realtime TO postgres, anon, authenticated, service_role;
GRANT ALL ON SCHEMA realtime TO supabase_realtime_admin;
GRANT SELECT, INSERT, UPDATE ON realtime.messages TO postgres, anon, authenticated, service_role;
