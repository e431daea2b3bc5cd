-- name: queries a judge raises on a figure, and their answers

CREATE TABLE queries (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            case_number TEXT NOT NULL,
            judge TEXT NOT NULL DEFAULT '',          -- the case's responsible judge when asked
            question TEXT NOT NULL,
            asked_by TEXT NOT NULL,                  -- login of the asking account
            asked_at TEXT NOT NULL,
            answer TEXT,
            correction TEXT,                         -- what was corrected, if anything
            answered_by TEXT,
            answered_at TEXT
        );

CREATE INDEX queries_open ON queries (answered_at, asked_at);
