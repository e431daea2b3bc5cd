-- name: year-end grading: the year's record and each judge's grade

-- One row per year graded (年度考核): its state (summary, proposal, committee, publication,
-- confirmed, notified), the parameter version the proposals used, the 优秀 cap's share in force
-- (a raise names its approval), the publication (公示) dates and who moved it on.
CREATE TABLE grading_years (
    year INTEGER PRIMARY KEY,
    state TEXT NOT NULL,
    param_version INTEGER,
    cap_share DOUBLE PRECISION,
    cap_approval TEXT,
    proposed_at TEXT,
    proposed_by TEXT,
    published_from TEXT,
    published_to TEXT,
    published_by TEXT,
    confirmed_at TEXT,
    confirmed_by TEXT,
    notified_at TEXT
);

-- One row per judge and year: the figures the proposal used (JSON), the committee's scores of
-- the dimensions the program does not measure (JSON, when the court uses them), the proposal and its
-- sentence, the personal summary (in the program or on paper), the 庭长's opinion, the
-- committee's decision with its reason and meeting, the confirmed grade and its consequences,
-- the written notice (version, number, date) and the judge's acknowledgement.
CREATE TABLE grading_entries (
    year INTEGER NOT NULL REFERENCES grading_years(year),
    judge_id BIGINT NOT NULL REFERENCES judges(id),
    division TEXT,
    post TEXT,
    assess_group TEXT,
    figures TEXT,
    dimension_scores TEXT,
    proposed_grade TEXT,
    proposal_text TEXT,
    tie INTEGER NOT NULL DEFAULT 0,
    summary_text TEXT,
    summary_paper INTEGER NOT NULL DEFAULT 0,
    summary_at TEXT,
    summary_by TEXT,
    head_opinion TEXT,
    head_opinion_by TEXT,
    head_opinion_at TEXT,
    decided_grade TEXT,
    decision_reason TEXT,
    decision_meeting TEXT,
    decided_by TEXT,
    decided_at TEXT,
    decided_in_publication INTEGER NOT NULL DEFAULT 0,
    final_grade TEXT,
    exit_warning INTEGER NOT NULL DEFAULT 0,
    no_bonus INTEGER NOT NULL DEFAULT 0,
    promotion_priority INTEGER NOT NULL DEFAULT 0,
    notice_version INTEGER NOT NULL DEFAULT 0,
    notice_number TEXT,
    notice_at TEXT,
    ack_at TEXT,
    ack_opinion TEXT,
    ack_paper INTEGER NOT NULL DEFAULT 0,
    ack_by TEXT,
    PRIMARY KEY (year, judge_id)
);

-- Who writes what: 管理员 and 人事 (a 法官 / 庭长 reads its own rows through workload_scope, see
-- roles.sql, which `server setup` re-applies after the migrations).
GRANT SELECT, INSERT, UPDATE, DELETE ON grading_years, grading_entries TO workload_admin, workload_personnel;
