-- name: divisions, judges, cases, import batches

CREATE TABLE divisions (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            track TEXT NOT NULL DEFAULT 'trial',      -- trial / enforcement
            categories TEXT NOT NULL DEFAULT ''       -- comma list: civil,criminal,… (for transfers)
        );

CREATE TABLE judges (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            division_id INTEGER REFERENCES divisions(id),
            role TEXT NOT NULL DEFAULT '审判员',       -- 院长/副院长/审判委员会专职委员/庭长/副庭长/审判员
            track TEXT NOT NULL DEFAULT 'trial',       -- trial (审判) / enforcement (执行)
            in_post_from TEXT,                          -- 入额日期
            in_post_to TEXT                             -- 离任日期
        );

CREATE TABLE import_batches (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,                         -- cases / judges / demo
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            user TEXT NOT NULL,
            rows_total INTEGER NOT NULL DEFAULT 0,
            rows_new INTEGER NOT NULL DEFAULT 0,
            rows_updated INTEGER NOT NULL DEFAULT 0,
            rows_unchanged INTEGER NOT NULL DEFAULT 0,
            rows_rejected INTEGER NOT NULL DEFAULT 0,
            undone_at TEXT
        );

CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            case_number TEXT NOT NULL UNIQUE,
            year INTEGER NOT NULL,
            court TEXT NOT NULL,
            type_code TEXT NOT NULL,
            category TEXT NOT NULL,
            instance TEXT NOT NULL,
            judge_id INTEGER NOT NULL REFERENCES judges(id),
            division_id INTEGER REFERENCES divisions(id),
            cause TEXT,
            procedure TEXT,
            filed_on TEXT,
            closed_on TEXT,                              -- NULL while open
            closed_year INTEGER,
            closed_month INTEGER,
            closing_method TEXT,
            file_pages INTEGER,                          -- NULL = unknown
            transcript_pages INTEGER,
            judgment_pages INTEGER,
            panel TEXT,                                  -- other panel members, 、-separated
            approved INTEGER,                            -- 廉政监察员审批: 1/0/NULL
            batch_id INTEGER REFERENCES import_batches(id)
        );

CREATE INDEX idx_cases_closed ON cases(closed_year, closed_month);

CREATE INDEX idx_cases_judge ON cases(judge_id, closed_year);

CREATE INDEX idx_cases_division ON cases(division_id, closed_year);

CREATE INDEX idx_cases_category ON cases(category, closed_year);

CREATE INDEX idx_cases_batch ON cases(batch_id);

CREATE TABLE case_history (              -- what a batch changed, to undo it
            batch_id INTEGER NOT NULL REFERENCES import_batches(id),
            case_id INTEGER NOT NULL,
            before TEXT NOT NULL                     -- JSON of the row before the batch
        );

CREATE INDEX idx_history_batch ON case_history(batch_id);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

INSERT INTO meta VALUES ('cases_version', '0');
