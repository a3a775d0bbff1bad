-- Leaderboards and metrics for the dashboard.

CREATE MATERIALIZED VIEW leaderboard_totals AS
SELECT u.id AS user_id,
       u.handle,
       u.name,
       u.school,
       COALESCE(SUM(pl.delta_points), 0)::INTEGER AS total_points
FROM users u
LEFT JOIN points_ledger pl ON pl.user_id = u.id
GROUP BY u.id, u.handle, u.name, u.school;

CREATE UNIQUE INDEX idx_leaderboard_totals_user ON leaderboard_totals (user_id);

CREATE MATERIALIZED VIEW leaderboard_30d AS
SELECT u.id AS user_id,
       u.handle,
       u.name,
       u.school,
       COALESCE(SUM(pl.delta_points), 0)::INTEGER AS total_points
FROM users u
LEFT JOIN points_ledger pl ON pl.user_id = u.id
WHERE pl.created_at > NOW() - INTERVAL '30 days'
GROUP BY u.id, u.handle, u.name, u.school;

CREATE UNIQUE INDEX idx_leaderboard_30d_user ON leaderboard_30d (user_id);

CREATE MATERIALIZED VIEW metric_counts AS
SELECT activity_code,
       COUNT(*) AS submissions_total,
       COUNT(*) FILTER (WHERE status = 'APPROVED') AS approved_total
FROM submissions
GROUP BY activity_code;

CREATE UNIQUE INDEX idx_metric_counts_activity ON metric_counts (activity_code);

CREATE OR REPLACE FUNCTION refresh_leaderboards() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY leaderboard_totals;
    REFRESH MATERIALIZED VIEW CONCURRENTLY leaderboard_30d;
    REFRESH MATERIALIZED VIEW CONCURRENTLY metric_counts;
END;
$$;
