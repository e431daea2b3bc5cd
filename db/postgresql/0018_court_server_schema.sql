-- name: the court server's schema (the embedded store's versions 1 to 18 in one step)

-- A court server starts at version 18: the SQLite files 0001..0018 folded into one. From 19 on,
-- every version has a file in each dialect's folder, with the same number.
-- Portable subset only (PostgreSQL 15 and the PostgreSQL-compatible servers: KingbaseES, HighGo,
-- openGauss): no DOMAIN, no LISTEN/NOTIFY, no DO blocks, no SERIALIZABLE.
-- "user" is a reserved word here: those columns are always written quoted.

CREATE TABLE divisions (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    track TEXT NOT NULL DEFAULT 'trial',
    categories TEXT NOT NULL DEFAULT ''
);

CREATE TABLE judges (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    division_id BIGINT REFERENCES divisions(id),
    role TEXT NOT NULL DEFAULT '审判员',
    track TEXT NOT NULL DEFAULT 'trial',
    in_post_from TEXT,
    in_post_to TEXT
);

CREATE TABLE import_batches (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    "user" TEXT NOT NULL,
    rows_total INTEGER NOT NULL DEFAULT 0,
    rows_new INTEGER NOT NULL DEFAULT 0,
    rows_updated INTEGER NOT NULL DEFAULT 0,
    rows_unchanged INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT
);

CREATE TABLE cases (
    id BIGSERIAL PRIMARY KEY,
    case_number TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    court TEXT NOT NULL,
    type_code TEXT NOT NULL,
    category TEXT NOT NULL,
    instance TEXT NOT NULL,
    judge_id BIGINT NOT NULL REFERENCES judges(id),
    division_id BIGINT REFERENCES divisions(id),
    cause TEXT,
    procedure TEXT,
    filed_on TEXT,
    closed_on TEXT,
    closed_year INTEGER,
    closed_month INTEGER,
    closing_method TEXT,
    file_pages INTEGER,
    transcript_pages INTEGER,
    judgment_pages INTEGER,
    panel TEXT,
    approved INTEGER,
    batch_id BIGINT REFERENCES import_batches(id),
    time_limit_days INTEGER,
    extension_days INTEGER,
    deducted_days INTEGER,
    appealed INTEGER,
    appeal_result TEXT,
    appeal_recorded_on TEXT,
    original_case_number TEXT,
    enforcement_applied DOUBLE PRECISION,
    enforcement_recovered DOUBLE PRECISION
);

CREATE INDEX idx_cases_closed ON cases(closed_year, closed_month);
CREATE INDEX idx_cases_judge ON cases(judge_id, closed_year);
CREATE INDEX idx_cases_division ON cases(division_id, closed_year);
CREATE INDEX idx_cases_category ON cases(category, closed_year);
CREATE INDEX idx_cases_batch ON cases(batch_id);
CREATE INDEX idx_cases_panel ON cases(closed_year, panel);
CREATE INDEX idx_cases_appeal_recorded ON cases(appeal_recorded_on);

CREATE TABLE case_history (
    id BIGSERIAL PRIMARY KEY,
    batch_id BIGINT NOT NULL REFERENCES import_batches(id),
    case_id BIGINT NOT NULL,
    before TEXT NOT NULL
);

CREATE INDEX idx_history_batch ON case_history(batch_id);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

INSERT INTO meta (key, value) VALUES ('cases_version', '0');

CREATE TABLE param_sets (
    id BIGSERIAL PRIMARY KEY,
    year INTEGER NOT NULL,
    version INTEGER NOT NULL,
    toml TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    UNIQUE (year, version)
);

CREATE TABLE computations (
    id BIGSERIAL PRIMARY KEY,
    param_set_id BIGINT NOT NULL REFERENCES param_sets(id),
    year INTEGER NOT NULL,
    averages TEXT NOT NULL,
    case_count INTEGER NOT NULL,
    cases_version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    derived INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE case_results (
    computation_id BIGINT NOT NULL REFERENCES computations(id) ON DELETE CASCADE,
    case_id BIGINT NOT NULL,
    unit TEXT NOT NULL,
    sc DOUBLE PRECISION,
    rule INTEGER NOT NULL,
    flags INTEGER NOT NULL,
    page_sc DOUBLE PRECISION,
    avg_file DOUBLE PRECISION,
    avg_transcript DOUBLE PRECISION,
    avg_judgment DOUBLE PRECISION,
    PRIMARY KEY (computation_id, case_id)
);

CREATE TABLE quota_plans (
    id BIGSERIAL PRIMARY KEY,
    year INTEGER NOT NULL,
    version INTEGER NOT NULL,
    from_month INTEGER NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    plan TEXT NOT NULL,
    UNIQUE (year, version)
);

CREATE TABLE quota_overrides (
    id BIGSERIAL PRIMARY KEY,
    year INTEGER NOT NULL,
    judge_id BIGINT NOT NULL REFERENCES judges(id),
    quota DOUBLE PRECISION NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT ''
);

CREATE TABLE mapping_profiles (
    name TEXT PRIMARY KEY,
    mapping TEXT NOT NULL
);

-- login is kept in lower case by the program (SQLite's COLLATE NOCASE); the index enforces it here
CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    login TEXT NOT NULL UNIQUE CHECK (login = lower(login)),
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('admin', 'personnel', 'division_head', 'judge')),
    judge_id BIGINT REFERENCES judges(id),
    division_id BIGINT REFERENCES divisions(id),
    password_hash TEXT NOT NULL,
    must_change INTEGER NOT NULL DEFAULT 1,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until DOUBLE PRECISION,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    password_changed_at TEXT
);

CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    at TEXT NOT NULL,
    "user" TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    before TEXT,
    after TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_action ON audit_log(action);

-- The program never changes or removes an audit row; the hash chain catches anyone who does.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '审计记录不可修改或删除';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TABLE roster_history (
    id BIGSERIAL PRIMARY KEY,
    batch_id BIGINT NOT NULL REFERENCES import_batches(id),
    kind TEXT NOT NULL CHECK (kind IN ('judge', 'division')),
    row_id BIGINT NOT NULL,
    before TEXT
);

CREATE INDEX roster_history_batch ON roster_history(batch_id);

CREATE TABLE page_reviews (
    id BIGSERIAL PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'corrected')),
    file_pages DOUBLE PRECISION,
    transcript_pages DOUBLE PRECISION,
    judgment_pages DOUBLE PRECISION,
    corrected_file_pages DOUBLE PRECISION,
    corrected_transcript_pages DOUBLE PRECISION,
    corrected_judgment_pages DOUBLE PRECISION,
    reason TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL
);

CREATE INDEX idx_page_reviews_case ON page_reviews(case_id);

CREATE TABLE pending_reasons (
    case_id BIGINT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

CREATE TABLE queries (
    id BIGSERIAL PRIMARY KEY,
    year INTEGER NOT NULL,
    case_number TEXT NOT NULL,
    judge TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    asked_by TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    answer TEXT,
    correction TEXT,
    answered_by TEXT,
    answered_at TEXT
);

CREATE INDEX queries_open ON queries (answered_at, asked_at);

CREATE TABLE judge_credit (
    computation_id BIGINT NOT NULL REFERENCES computations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('month', 'to_month')),
    month INTEGER NOT NULL,
    pos INTEGER NOT NULL,
    judge TEXT NOT NULL,
    cases INTEGER NOT NULL,
    sc_trial DOUBLE PRECISION NOT NULL,
    sc_enforcement DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (computation_id, kind, month, pos)
);

CREATE TABLE held_reasons (
    computation_id BIGINT NOT NULL REFERENCES computations(id) ON DELETE CASCADE,
    case_id BIGINT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (computation_id, case_id)
);

-- Bumped on every change to a year's cases or page reviews: stored results of a year are fresh
-- while the version they were computed at is still the year's.
CREATE TABLE year_versions (closed_year INTEGER PRIMARY KEY, version INTEGER NOT NULL);

CREATE TABLE reference_averages (
    reference_year INTEGER NOT NULL,
    params_key TEXT NOT NULL,
    year_version INTEGER NOT NULL,
    averages TEXT NOT NULL,
    PRIMARY KEY (reference_year, params_key)
);

CREATE FUNCTION bump_year_version(y INTEGER) RETURNS void LANGUAGE sql AS $$
    INSERT INTO year_versions (closed_year, version) SELECT y, 1 WHERE y IS NOT NULL
    ON CONFLICT (closed_year) DO UPDATE SET version = year_versions.version + 1;
$$;

CREATE FUNCTION year_version_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM bump_year_version(OLD.closed_year);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM bump_year_version(NEW.closed_year);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER year_version_cases AFTER INSERT OR UPDATE OR DELETE ON cases
    FOR EACH ROW EXECUTE FUNCTION year_version_cases();

CREATE FUNCTION year_version_reviews() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM bump_year_version((SELECT closed_year FROM cases WHERE id = OLD.case_id));
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM bump_year_version((SELECT closed_year FROM cases WHERE id = NEW.case_id));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER year_version_reviews AFTER INSERT OR UPDATE OR DELETE ON page_reviews
    FOR EACH ROW EXECUTE FUNCTION year_version_reviews();

CREATE TABLE division_moves (
    id BIGSERIAL PRIMARY KEY,
    judge_id BIGINT NOT NULL REFERENCES judges(id),
    from_date TEXT NOT NULL,
    division_id BIGINT NOT NULL REFERENCES divisions(id),
    from_division_id BIGINT REFERENCES divisions(id),
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (judge_id, from_date)
);

-- Writers lock this (empty) table in SHARE ROW EXCLUSIVE mode at the start of each write
-- transaction, so that they queue one after another as on the embedded store.
CREATE TABLE write_lock (id INTEGER PRIMARY KEY);
