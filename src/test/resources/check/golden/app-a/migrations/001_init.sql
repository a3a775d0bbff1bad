CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    kajabi_contact_id text
);

CREATE TABLE submissions (
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    activity_code text NOT NULL,
    status text NOT NULL DEFAULT 'PENDING'
);

CREATE UNIQUE INDEX submissions_learn_once_per_user ON submissions (user_id)
    WHERE activity_code = 'LEARN' AND status IN ('PENDING', 'APPROVED');

CREATE FUNCTION submission_count(p_user bigint) RETURNS bigint
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    RETURN (SELECT count(*) FROM submissions WHERE user_id = p_user);
END;
$$;
