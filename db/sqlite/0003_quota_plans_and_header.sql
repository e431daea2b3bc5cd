-- name: quota plans and header-mapping profiles

CREATE TABLE quota_plans (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            version INTEGER NOT NULL,
            from_month INTEGER NOT NULL DEFAULT 1,   -- 1 = plan, >1 = re-plan from that month
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            plan TEXT NOT NULL,                      -- JSON: inputs, common quotas, judges, months
            UNIQUE (year, version)
        );

CREATE TABLE quota_overrides (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            judge_id INTEGER NOT NULL REFERENCES judges(id),
            quota REAL NOT NULL,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT ''
        );

CREATE TABLE mapping_profiles (
            name TEXT PRIMARY KEY,
            mapping TEXT NOT NULL                    -- JSON: source header -> field
        );
