-- name: parameter sets and standard-case results

CREATE TABLE param_sets (
            id INTEGER PRIMARY KEY,
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
            id INTEGER PRIMARY KEY,
            param_set_id INTEGER NOT NULL REFERENCES param_sets(id),
            year INTEGER NOT NULL,
            averages TEXT NOT NULL,                  -- JSON: pool -> [F, T, J, n]
            case_count INTEGER NOT NULL,
            cases_version INTEGER NOT NULL,          -- meta.cases_version the results were computed on
            created_at TEXT NOT NULL
        );

CREATE TABLE case_results (
            computation_id INTEGER NOT NULL REFERENCES computations(id) ON DELETE CASCADE,
            case_id INTEGER NOT NULL,
            unit TEXT NOT NULL,
            sc REAL,                                 -- NULL: incomplete pages
            rule INTEGER NOT NULL,
            flags INTEGER NOT NULL,
            page_sc REAL,
            avg_file REAL, avg_transcript REAL, avg_judgment REAL,
            PRIMARY KEY (computation_id, case_id)
        ) WITHOUT ROWID;
