-- 001_init.sql: the LEAPS programme's base schema (hand-written SQL, applied with psql in order).

CREATE TYPE "Role" AS ENUM ('PARTICIPANT', 'REVIEWER', 'ADMIN', 'SUPERADMIN');
CREATE TYPE "SubmissionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'PRIVATE');
CREATE TYPE "LedgerSource" AS ENUM ('MANUAL', 'WEBHOOK', 'FORM');

-- Participants, reviewers and admins; ids are Clerk user ids.
CREATE TABLE users (
    id          TEXT PRIMARY KEY,
    handle      TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL UNIQUE,
    avatar_url  TEXT,
    role        "Role" NOT NULL DEFAULT 'PARTICIPANT',
    school      TEXT,
    cohort      TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The five LEAPS stages.
CREATE TABLE activities (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    default_points  INTEGER NOT NULL
);

-- Evidence a participant submits for a stage; attachments are storage paths (a JSON array).
CREATE TABLE submissions (
    id             TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    activity_code  TEXT NOT NULL REFERENCES activities (code) ON DELETE RESTRICT,
    status         "SubmissionStatus" NOT NULL DEFAULT 'PENDING',
    visibility     "Visibility" NOT NULL DEFAULT 'PRIVATE',
    payload        JSONB NOT NULL,
    attachments    JSONB NOT NULL DEFAULT '[]'::jsonb,
    reviewer_id    TEXT REFERENCES users (id) ON DELETE SET NULL,
    review_note    TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX submissions_user_activity_idx ON submissions (user_id, activity_code);

-- Append-only: points are never updated, a correction is a new row.
CREATE TABLE points_ledger (
    id                 TEXT PRIMARY KEY,
    user_id            TEXT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    activity_code      TEXT NOT NULL REFERENCES activities (code) ON DELETE RESTRICT,
    source             "LedgerSource" NOT NULL,
    delta_points       INTEGER NOT NULL,
    external_source    TEXT,
    external_event_id  TEXT,
    event_time         TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX points_ledger_user_created_idx ON points_ledger (user_id, created_at);

CREATE TABLE badges (
    code         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL,
    criteria     JSONB NOT NULL,
    icon_url     TEXT
);

CREATE TABLE earned_badges (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    badge_code  TEXT NOT NULL REFERENCES badges (code) ON DELETE RESTRICT,
    earned_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_id, badge_code)
);

-- Kajabi webhooks, kept as received.
CREATE TABLE kajabi_events (
    id            TEXT PRIMARY KEY,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    payload       JSONB NOT NULL,
    processed_at  TIMESTAMPTZ,
    user_match    TEXT
);

CREATE TABLE audit_log (
    id          SERIAL PRIMARY KEY,
    actor_id    TEXT NOT NULL,
    action      TEXT NOT NULL,
    target_id   TEXT,
    meta        JSONB,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Lookup rows every environment needs.
INSERT INTO activities (code, name, default_points) VALUES
    ('LEARN', 'Learn', 20),
    ('EXPLORE', 'Explore', 50),
    ('AMPLIFY', 'Amplify', 0),
    ('PRESENT', 'Present', 20),
    ('SHINE', 'Shine', 0);

INSERT INTO badges (code, name, description, criteria) VALUES
    ('FIRST_STEPS', 'First Steps', 'Completed the LEARN stage', '{"activity": "LEARN", "approved": 1}'),
    ('EXPLORER', 'Explorer', 'Applied AI in the classroom', '{"activity": "EXPLORE", "approved": 1}'),
    ('AMPLIFIER', 'Amplifier', 'Trained 10 peers', '{"activity": "AMPLIFY", "peers_trained": 10}'),
    ('STORYTELLER', 'Storyteller', 'Shared a story on LinkedIn', '{"activity": "PRESENT", "approved": 1}');
