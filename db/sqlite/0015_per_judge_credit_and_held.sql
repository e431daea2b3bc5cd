-- name: per-judge credit and held-case reasons stored with each computation

ALTER TABLE computations ADD COLUMN derived INTEGER NOT NULL DEFAULT 0;

CREATE TABLE judge_credit (
            computation_id INTEGER NOT NULL REFERENCES computations(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('month', 'to_month')),  -- closed in / through the month
            month INTEGER NOT NULL,
            pos INTEGER NOT NULL,                    -- order of credit_by_judge's rows (judges sorted)
            judge TEXT NOT NULL,
            cases INTEGER NOT NULL,
            sc_trial REAL NOT NULL,
            sc_enforcement REAL NOT NULL,
            PRIMARY KEY (computation_id, kind, month, pos)
        ) WITHOUT ROWID;

CREATE TABLE held_reasons (
            computation_id INTEGER NOT NULL REFERENCES computations(id) ON DELETE CASCADE,
            case_id INTEGER NOT NULL,
            reason TEXT NOT NULL,                    -- review.add_hold_reasons' text (year-wide medians)
            PRIMARY KEY (computation_id, case_id)
        ) WITHOUT ROWID;

CREATE INDEX idx_cases_panel ON cases(closed_year, panel);

CREATE TABLE year_versions (closed_year INTEGER PRIMARY KEY, version INTEGER NOT NULL);

CREATE TABLE reference_averages (
            reference_year INTEGER NOT NULL,
            params_key TEXT NOT NULL,                -- hash of the computing year's parameter TOML
            year_version INTEGER NOT NULL,           -- year_versions.version the averages were read at
            averages TEXT NOT NULL,                  -- JSON: pool -> [F, T, J, n]
            PRIMARY KEY (reference_year, params_key)
        );

CREATE TRIGGER year_version_cases_insert AFTER INSERT ON cases BEGIN INSERT INTO year_versions (closed_year, version) SELECT NEW.closed_year, 1 WHERE NEW.closed_year IS NOT NULL ON CONFLICT (closed_year) DO UPDATE SET version = version + 1; END;

CREATE TRIGGER year_version_cases_update AFTER UPDATE ON cases BEGIN INSERT INTO year_versions (closed_year, version) SELECT OLD.closed_year, 1 WHERE OLD.closed_year IS NOT NULL ON CONFLICT (closed_year) DO UPDATE SET version = version + 1; INSERT INTO year_versions (closed_year, version) SELECT NEW.closed_year, 1 WHERE NEW.closed_year IS NOT NULL ON CONFLICT (closed_year) DO UPDATE SET version = version + 1; END;

CREATE TRIGGER year_version_cases_delete AFTER DELETE ON cases BEGIN INSERT INTO year_versions (closed_year, version) SELECT OLD.closed_year, 1 WHERE OLD.closed_year IS NOT NULL ON CONFLICT (closed_year) DO UPDATE SET version = version + 1; END;

CREATE TRIGGER year_version_reviews_insert AFTER INSERT ON page_reviews BEGIN INSERT INTO year_versions (closed_year, version) SELECT (SELECT closed_year FROM cases WHERE id = NEW.case_id), 1 WHERE (SELECT closed_year FROM cases WHERE id = NEW.case_id) IS NOT NULL ON CONFLICT (closed_year) DO UPDATE SET version = version + 1; END;

CREATE TRIGGER year_version_reviews_update AFTER UPDATE ON page_reviews BEGIN INSERT INTO year_versions (closed_year, version) SELECT (SELECT closed_year FROM cases WHERE id = OLD.case_id), 1 WHERE (SELECT closed_year FROM cases WHERE id = OLD.case_id) IS NOT NULL ON CONFLICT (closed_year) DO UPDATE SET version = version + 1; INSERT INTO year_versions (closed_year, version) SELECT (SELECT closed_year FROM cases WHERE id = NEW.case_id), 1 WHERE (SELECT closed_year FROM cases WHERE id = NEW.case_id) IS NOT NULL ON CONFLICT (closed_year) DO UPDATE SET version = version + 1; END;

CREATE TRIGGER year_version_reviews_delete AFTER DELETE ON page_reviews BEGIN INSERT INTO year_versions (closed_year, version) SELECT (SELECT closed_year FROM cases WHERE id = OLD.case_id), 1 WHERE (SELECT closed_year FROM cases WHERE id = OLD.case_id) IS NOT NULL ON CONFLICT (closed_year) DO UPDATE SET version = version + 1; END;
