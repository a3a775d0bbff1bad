CREATE SCHEMA app;

CREATE TYPE app.plan AS ENUM ('free', 'team', 'enterprise');

CREATE TABLE app.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    plan app.plan NOT NULL DEFAULT 'free',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app.projects (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES app.accounts (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    archived boolean NOT NULL DEFAULT false
);

CREATE INDEX projects_account_idx ON app.projects (account_id) WHERE NOT archived;

COMMENT ON TABLE app.projects IS 'Projects belong to one account.';

-- Environment objects the history drops and changes, and names that need quoting.
DROP SCHEMA public;
COMMENT ON EXTENSION plpgsql IS 'PL/pgSQL, for the app schema''s functions';

CREATE TABLE app."größe's log" (
    "when" timestamptz NOT NULL DEFAULT now(),
    "what's new" text
);
