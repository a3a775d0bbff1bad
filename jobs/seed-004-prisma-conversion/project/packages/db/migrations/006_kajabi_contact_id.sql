-- 006_kajabi_contact_id.sql: users are matched to Kajabi contacts by id rather than by email.

ALTER TABLE users ADD COLUMN kajabi_contact_id TEXT;
CREATE UNIQUE INDEX users_kajabi_contact_id_key ON users (kajabi_contact_id);

-- Backfill from the webhooks already matched by email.
UPDATE users u
   SET kajabi_contact_id = e.payload->'contact'->>'id'
  FROM kajabi_events e
 WHERE e.user_match = u.id
   AND e.payload->'contact'->>'id' IS NOT NULL
   AND u.kajabi_contact_id IS NULL;
