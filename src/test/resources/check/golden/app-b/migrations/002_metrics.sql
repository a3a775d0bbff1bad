CREATE MATERIALIZED VIEW metric_counts AS
    SELECT activity_code, count(*) AS submissions_total
    FROM submissions
    GROUP BY activity_code;
