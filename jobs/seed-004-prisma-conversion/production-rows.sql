-- What the application wrote to production after the seven legacy files ran: participants,
-- submissions (some with attachments moved by 007), ledger rows and webhooks. Applied to the
-- embedded production stand-in after its history; the history's lookup rows are already there.

INSERT INTO users (id, handle, name, email, role, school, cohort, kajabi_contact_id)
SELECT 'user_' || i, 'teacher' || i, 'Teacher ' || i, 'teacher' || i || '@school.example',
       CASE WHEN i <= 2 THEN 'ADMIN'::"Role" WHEN i <= 5 THEN 'REVIEWER'::"Role" ELSE 'PARTICIPANT'::"Role" END,
       'School ' || (i % 7), 'C' || (i % 3), CASE WHEN i % 4 = 0 THEN 'kc_' || i END
FROM generate_series(1, 40) AS i;

INSERT INTO submissions (id, user_id, activity_code, status, visibility, payload, created_at, updated_at)
SELECT 'sub_' || i, 'user_' || (6 + i % 35), (ARRAY['LEARN', 'EXPLORE', 'PRESENT'])[1 + i % 3],
       'APPROVED', 'PUBLIC', jsonb_build_object('note', 'evidence ' || i),
       timestamptz '2025-08-01 09:00:00+00' + (i || ' hours')::interval,
       timestamptz '2025-08-01 09:00:00+00' + (i || ' hours')::interval
FROM generate_series(1, 35) AS i;

INSERT INTO submission_attachments (id, submission_id, path)
SELECT 'att_' || i, 'sub_' || i, 'evidence/sub_' || i || '/file.pdf'
FROM generate_series(1, 35, 2) AS i;

INSERT INTO points_ledger (id, user_id, activity_code, source, delta_points, event_time)
SELECT 'pl_' || i, 'user_' || (6 + i % 35), (ARRAY['LEARN', 'EXPLORE', 'PRESENT'])[1 + i % 3], 'FORM',
       (ARRAY[20, 50, 20])[1 + i % 3], timestamptz '2025-08-02 09:00:00+00' + (i || ' hours')::interval
FROM generate_series(1, 35) AS i;

INSERT INTO kajabi_events (id, payload, user_match)
SELECT 'ke_' || i, jsonb_build_object('contact', jsonb_build_object('id', 'kc_' || (i * 4))), 'user_' || (i * 4)
FROM generate_series(1, 10) AS i;

SELECT refresh_leaderboards();
