-- 005_submission_attachments.sql: attachments become rows (one per file) so that they can be
-- hashed, deduplicated and deleted with their submission. submissions.attachments stays until the
-- application no longer writes it (007).

CREATE TABLE submission_attachments (
    id             TEXT PRIMARY KEY DEFAULT md5(random()::text || clock_timestamp()::text),
    submission_id  TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    path           TEXT NOT NULL,
    hash           TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX submission_attachments_submission_idx ON submission_attachments (submission_id);
CREATE UNIQUE INDEX submission_attachments_submission_path_key ON submission_attachments (submission_id, path);
