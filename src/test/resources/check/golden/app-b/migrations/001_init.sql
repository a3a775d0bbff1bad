CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL
);

CREATE TABLE submissions (
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    activity_code text NOT NULL,
    status text NOT NULL DEFAULT 'NEW'
);

CREATE FUNCTION submission_count(p_user bigint) RETURNS bigint
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    RETURN (SELECT count(*) FROM submissions WHERE user_id = p_user AND status <> 'REJECTED');
END;
$$;
