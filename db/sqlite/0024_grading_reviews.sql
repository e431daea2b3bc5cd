-- name: year-end grading: review requests and the committee's decisions

-- A judge's request for review (复核) of a confirmed grade, within the rule set's days of the
-- notice, and the committee's decision; a changed grade issues a new notice (the entry's
-- notice_version goes up).
CREATE TABLE grading_reviews (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    judge_id INTEGER NOT NULL REFERENCES judges(id),
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
