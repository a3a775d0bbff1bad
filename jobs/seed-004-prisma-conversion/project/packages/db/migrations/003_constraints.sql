-- 003_constraints.sql: business rules the application must not be trusted with.

-- A participant has at most one LEARN submission that is pending or approved.
CREATE UNIQUE INDEX uniq_learn_active_submission ON submissions (user_id)
    WHERE activity_code = 'LEARN' AND status IN ('PENDING', 'APPROVED');

-- A webhook delivered twice must not award points twice.
ALTER TABLE points_ledger
    ADD CONSTRAINT points_ledger_external_event_key UNIQUE (external_source, external_event_id);

ALTER TABLE points_ledger ADD CONSTRAINT points_ledger_delta_points_check CHECK (delta_points <> 0);
ALTER TABLE activities ADD CONSTRAINT activities_default_points_check CHECK (default_points >= 0);

-- The admin review queue and user management.
CREATE INDEX idx_submissions_status_created_at ON submissions (status, created_at);
CREATE INDEX idx_submissions_activity_status ON submissions (activity_code, status);
CREATE INDEX idx_users_role_created_at ON users (role, created_at);
CREATE INDEX idx_kajabi_events_processed_at ON kajabi_events (processed_at);
