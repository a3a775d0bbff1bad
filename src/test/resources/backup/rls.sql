-- A schema owned by a role that is not a superuser, whose table forces row-level security on
-- its owner. Roles consolidate_backup_owner and consolidate_backup_bypass exist beforehand.
CREATE SCHEMA rls AUTHORIZATION consolidate_backup_owner;
CREATE TABLE rls.notes (id integer PRIMARY KEY, author text NOT NULL, body text);
INSERT INTO rls.notes SELECT i, CASE WHEN i % 2 = 0 THEN 'consolidate_backup_owner' ELSE 'someone else' END, 'note ' || i
FROM generate_series(1, 40) AS g(i);
ALTER TABLE rls.notes OWNER TO consolidate_backup_owner;
ALTER TABLE rls.notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE rls.notes FORCE ROW LEVEL SECURITY;
CREATE POLICY own_notes ON rls.notes USING (author = current_user);
GRANT USAGE ON SCHEMA rls TO consolidate_backup_bypass;
GRANT SELECT ON rls.notes TO consolidate_backup_bypass;
