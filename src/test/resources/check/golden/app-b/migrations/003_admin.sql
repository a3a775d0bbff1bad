-- Indexes for the admin screens.
CREATE INDEX idx_submissions_status ON submission (status);
