ALTER TABLE app.projects ENABLE ROW LEVEL SECURITY;

CREATE POLICY projects_live ON app.projects
    FOR SELECT
    USING (NOT archived);

CREATE FUNCTION app.project_count(p_account bigint) RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM app.projects WHERE account_id = p_account $$;

CREATE VIEW app.account_summary AS
    SELECT a.id, a.email, count(p.id) AS projects
    FROM app.accounts a LEFT JOIN app.projects p ON p.account_id = a.id
    GROUP BY a.id, a.email;

GRANT USAGE ON SCHEMA app TO check_reader;
GRANT SELECT ON app.projects, app.account_summary TO check_reader;

INSERT INTO app.accounts (email) VALUES ('owner@example.com');

CREATE FUNCTION app.rename_project(p_id bigint, p_name text) RETURNS void
    LANGUAGE sql
    AS $$ UPDATE app.projects SET name = p_name WHERE id = p_id $$;
