-- name: year-end grading: review requests and the committee's decisions

-- A judge's request for review (复核) of a confirmed grade, within the rule set's days of the
-- notice, and the committee's decision; a changed grade issues a new notice (the entry's
-- notice_version goes up).
CREATE TABLE grading_reviews (
    id BIGSERIAL PRIMARY KEY,
    year INTEGER NOT NULL,
    judge_id BIGINT NOT NULL REFERENCES judges(id),
    request_text TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    previous_grade TEXT NOT NULL,
    decided_grade TEXT,
    decision_reason TEXT,
    decision_meeting TEXT,
    decided_by TEXT,
    decided_at TEXT,
    FOREIGN KEY (year, judge_id) REFERENCES grading_entries(year, judge_id)
);

-- 管理员 and 人事 record requests and decisions (a 法官 / 庭长 reads its own through workload_scope).
GRANT SELECT, INSERT, UPDATE, DELETE ON grading_reviews TO workload_admin, workload_personnel;
GRANT USAGE, SELECT ON SEQUENCE grading_reviews_id_seq TO workload_admin, workload_personnel;
