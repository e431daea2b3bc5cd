-- name: time in post: reviewers' decisions on cases closed outside a judge's time in post

-- A case closed outside its judge's time in post (入额 to 离任) is held (待复核): credited to
-- nobody until 人事 corrects the dates or the judge, or confirms it here. One row per decision,
-- never changed; a decision applies while the case's closing date is still the one it was made
-- on (closed_on) and the judge is the same (judge_id).
CREATE TABLE post_reviews (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            judge_id INTEGER NOT NULL REFERENCES judges(id),
            closed_on TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('confirmed')),
            reason TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            decided_by TEXT NOT NULL
        );

CREATE INDEX idx_post_reviews_case ON post_reviews(case_id);

-- figures stored before this version credited cases closed outside the time in post: recompute
-- (a database with no computation yet keeps its version)
UPDATE meta SET value = CAST(value AS INTEGER) + 1
    WHERE key = 'cases_version' AND EXISTS (SELECT 1 FROM computations);
