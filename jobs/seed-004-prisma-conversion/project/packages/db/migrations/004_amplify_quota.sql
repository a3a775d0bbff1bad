-- 004_amplify_quota.sql: anti-gaming. A participant may report at most 50 peers and 200 students
-- trained in 7 days across pending and approved AMPLIFY submissions.

CREATE OR REPLACE FUNCTION check_amplify_quota() RETURNS trigger
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

CREATE TRIGGER trg_check_amplify_quota
    BEFORE INSERT ON submissions
    FOR EACH ROW EXECUTE PROCEDURE check_amplify_quota();
