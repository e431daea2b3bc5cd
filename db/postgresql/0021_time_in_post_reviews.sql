-- name: time in post: reviewers' decisions on cases closed outside a judge's time in post

-- As db/sqlite/0021: one row per decision on a case closed outside its judge's time in post.
CREATE TABLE post_reviews (
    id BIGSERIAL PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    judge_id BIGINT NOT NULL REFERENCES judges(id),
    closed_on TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('confirmed')),
    reason TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL
);

CREATE INDEX idx_post_reviews_case ON post_reviews(case_id);

UPDATE meta SET value = (CAST(value AS BIGINT) + 1)::TEXT
    WHERE key = 'cases_version' AND EXISTS (SELECT 1 FROM computations);
