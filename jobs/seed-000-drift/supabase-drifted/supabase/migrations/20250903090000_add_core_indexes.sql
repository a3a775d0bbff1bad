-- Indexes the application's hot paths need.
CREATE INDEX IF NOT EXISTS submissions_user_id_activity_code_idx ON submissions (user_id, activity_code);
CREATE INDEX IF NOT EXISTS points_ledger_user_id_created_at_idx ON points_ledger (user_id, created_at);
CREATE INDEX IF NOT EXISTS idx_kajabi_events_processed_at ON kajabi_events (processed_at);
