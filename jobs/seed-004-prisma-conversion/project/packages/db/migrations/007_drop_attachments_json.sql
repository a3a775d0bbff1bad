-- 007_drop_attachments_json.sql: move what is left in the deprecated JSON column into
-- submission_attachments, then drop it.

INSERT INTO submission_attachments (submission_id, path)
SELECT s.id, a.path
  FROM submissions s
 CROSS JOIN LATERAL jsonb_array_elements_text(s.attachments) AS a(path)
ON CONFLICT (submission_id, path) DO NOTHING;

ALTER TABLE submissions DROP COLUMN attachments;
