-- Core schema of the LEAPS tracker (mirrors packages/db/schema.prisma).

CREATE TYPE "Role" AS ENUM ('PARTICIPANT', 'REVIEWER', 'ADMIN', 'SUPERADMIN');
CREATE TYPE "SubmissionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'PRIVATE');
CREATE TYPE "LedgerSource" AS ENUM ('MANUAL', 'WEBHOOK', 'FORM');

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  handle TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  avatar_url TEXT,
  role "Role" NOT NULL DEFAULT 'PARTICIPANT',
  school TEXT,
  cohort TEXT,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX users_handle_key ON users (handle);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE activities (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  default_points INTEGER NOT NULL CHECK (default_points >= 0)
);

CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE RESTRICT ON UPDATE CASCADE,
  activity_code TEXT NOT NULL REFERENCES activities (code) ON DELETE RESTRICT ON UPDATE CASCADE,
  status "SubmissionStatus" NOT NULL DEFAULT 'PENDING',
  visibility "Visibility" NOT NULL DEFAULT 'PRIVATE',
  payload JSONB NOT NULL,
  reviewer_id TEXT REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  review_note TEXT,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP(3) NOT NULL
);

CREATE TABLE points_ledger (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE RESTRICT ON UPDATE CASCADE,
  activity_code TEXT NOT NULL REFERENCES activities (code) ON DELETE RESTRICT ON UPDATE CASCADE,
  source "LedgerSource" NOT NULL,
  delta_points INTEGER NOT NULL CHECK (delta_points <> 0),
  external_source TEXT,
  external_event_id TEXT,
  event_time TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX points_ledger_external_event_id_key ON points_ledger (external_event_id);

CREATE TABLE badges (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  criteria JSONB NOT NULL,
  icon_url TEXT
);

CREATE TABLE earned_badges (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE RESTRICT ON UPDATE CASCADE,
  badge_code TEXT NOT NULL REFERENCES badges (code) ON DELETE RESTRICT ON UPDATE CASCADE,
  earned_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX earned_badges_user_id_badge_code_key ON earned_badges (user_id, badge_code);

CREATE TABLE kajabi_events (
  id TEXT PRIMARY KEY,
  received_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  payload JSONB NOT NULL,
  processed_at TIMESTAMP(3),
  user_match TEXT
);

CREATE TABLE audit_log (
  id SERIAL PRIMARY KEY,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_id TEXT,
  meta JSONB,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
