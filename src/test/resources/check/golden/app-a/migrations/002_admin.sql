CREATE INDEX idx_submissions_status ON submissions (status);

INSERT INTO users (id, email) VALUES (1, 'admin@example.com');
