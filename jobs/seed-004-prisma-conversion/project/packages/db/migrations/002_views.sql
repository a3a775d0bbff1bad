-- 002_views.sql: leaderboards and admin metrics, refreshed by refresh_leaderboards() every 15 minutes.

-- All-time totals of participants.
CREATE MATERIALIZED VIEW leaderboard_totals AS
SELECT u.id AS user_id,
       u.handle,
       u.name,
       u.avatar_url,
       u.school,
       COALESCE(SUM(pl.delta_points), 0)::INTEGER AS total_points,
       MAX(pl.event_time) AS last_activity_at
FROM users u
LEFT JOIN points_ledger pl ON pl.user_id = u.id
WHERE u.role = 'PARTICIPANT'
GROUP BY u.id, u.handle, u.name, u.avatar_url, u.school;

CREATE UNIQUE INDEX leaderboard_totals_user_id_idx ON leaderboard_totals (user_id);
CREATE INDEX leaderboard_totals_points_idx ON leaderboard_totals (total_points DESC);

-- The last 30 days, by when the points were earned (event_time), not when they were recorded.
CREATE MATERIALIZED VIEW leaderboard_30d AS
SELECT u.id AS user_id,
       u.handle,
       u.name,
       u.avatar_url,
       u.school,
       COALESCE(SUM(pl.delta_points), 0)::INTEGER AS total_points,
       MAX(pl.event_time) AS last_activity_at
FROM users u
LEFT JOIN points_ledger pl ON pl.user_id = u.id AND pl.event_time >= NOW() - INTERVAL '30 days'
WHERE u.role = 'PARTICIPANT'
GROUP BY u.id, u.handle, u.name, u.avatar_url, u.school;

CREATE UNIQUE INDEX leaderboard_30d_user_id_idx ON leaderboard_30d (user_id);

-- Submissions per stage for the admin dashboard.
CREATE MATERIALIZED VIEW activity_metrics AS
SELECT a.code,
       a.name,
       COUNT(s.id) AS total_submissions,
       COUNT(s.id) FILTER (WHERE s.status = 'PENDING') AS pending_submissions,
       COUNT(s.id) FILTER (WHERE s.status = 'APPROVED') AS approved_submissions,
       COUNT(s.id) FILTER (WHERE s.status = 'REJECTED') AS rejected_submissions,
       COUNT(DISTINCT s.user_id) AS unique_participants
FROM activities a
LEFT JOIN submissions s ON s.activity_code = a.code
GROUP BY a.code, a.name;

CREATE UNIQUE INDEX activity_metrics_code_idx ON activity_metrics (code);

-- CONCURRENTLY keeps the leaderboards readable while they refresh (it needs the unique indexes above).
CREATE OR REPLACE FUNCTION refresh_leaderboards() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY leaderboard_totals;
    REFRESH MATERIALIZED VIEW CONCURRENTLY leaderboard_30d;
    REFRESH MATERIALIZED VIEW CONCURRENTLY activity_metrics;
END;
$$;
