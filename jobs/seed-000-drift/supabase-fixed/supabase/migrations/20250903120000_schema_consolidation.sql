-- Schema consolidation: add what the Prisma schema (the canonical one) has and this history lacked.

-- Kajabi integration (Prisma 006_kajabi_contact_id).
ALTER TABLE users ADD COLUMN IF NOT EXISTS kajabi_contact_id TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS users_kajabi_contact_id_key ON users (kajabi_contact_id);

-- File attachments of submissions (Prisma 005_submission_attachments).
CREATE TABLE IF NOT EXISTS submission_attachments (
  id TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE ON UPDATE CASCADE,
  path TEXT NOT NULL,
  hash TEXT,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX IF NOT EXISTS submission_attachments_submission_id_idx ON submission_attachments (submission_id);

-- AMPLIFY quota (Prisma 004_amplify_quota): the function body is kept identical to Prisma's.
CREATE OR REPLACE FUNCTION check_amplify_quota() RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    recent_peers INTEGER;
    recent_students INTEGER;
BEGIN
    IF NEW.activity_code <> 'AMPLIFY' THEN
        RETURN NEW;
    END IF;

    SELECT COALESCE(SUM((payload->>'peers_trained')::INTEGER), 0),
           COALESCE(SUM((payload->>'students_trained')::INTEGER), 0)
      INTO recent_peers, recent_students
      FROM submissions
     WHERE user_id = NEW.user_id
       AND activity_code = 'AMPLIFY'
       AND status IN ('PENDING', 'APPROVED')
       AND created_at >= NOW() - INTERVAL '7 days';

    recent_peers := recent_peers + COALESCE((NEW.payload->>'peers_trained')::INTEGER, 0);
    recent_students := recent_students + COALESCE((NEW.payload->>'students_trained')::INTEGER, 0);

    IF recent_peers > 50 THEN
        RAISE EXCEPTION 'AMPLIFY quota exceeded: % peers trained in 7 days (limit 50)', recent_peers;
    END IF;
    IF recent_students > 200 THEN
        RAISE EXCEPTION 'AMPLIFY quota exceeded: % students trained in 7 days (limit 200)', recent_students;
    END IF;

    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS amplify_quota_check ON submissions;
CREATE TRIGGER amplify_quota_check
    BEFORE INSERT ON submissions
    FOR EACH ROW EXECUTE FUNCTION check_amplify_quota();

-- One pending or approved LEARN submission per participant (Prisma 003_constraints).
CREATE UNIQUE INDEX IF NOT EXISTS submissions_learn_once_per_user ON submissions (user_id)
    WHERE activity_code = 'LEARN' AND status IN ('PENDING', 'APPROVED');
