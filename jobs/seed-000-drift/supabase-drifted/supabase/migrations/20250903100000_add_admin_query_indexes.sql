-- Indexes for the admin review queue and user management screens.

CREATE INDEX IF NOT EXISTS idx_submissions_status_created_at
    ON submission (status, created_at);

CREATE INDEX IF NOT EXISTS idx_submissions_activity_status
    ON submission (activity_code, status);

CREATE INDEX IF NOT EXISTS idx_users_role_created_at
    ON "user" (role, created_at);
