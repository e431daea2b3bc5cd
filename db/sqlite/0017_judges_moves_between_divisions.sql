-- name: judges' moves between divisions, each from a date

CREATE TABLE division_moves (
            id INTEGER PRIMARY KEY,
            judge_id INTEGER NOT NULL REFERENCES judges(id),
            from_date TEXT NOT NULL,                 -- YYYY-MM-DD: in division_id from this day on
            division_id INTEGER NOT NULL REFERENCES divisions(id),
            from_division_id INTEGER REFERENCES divisions(id),  -- where the judge was before
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (judge_id, from_date)
        );
