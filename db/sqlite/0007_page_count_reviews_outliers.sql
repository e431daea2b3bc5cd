-- name: page-count reviews: outliers confirmed or corrected by a reviewer

-- One row per decision, never changed: the case's live decision is its latest row, and it
-- applies only while the imported page counts still equal those it was made on (file_pages …).
CREATE TABLE page_reviews (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'corrected')),
            file_pages REAL,                          -- the imported counts the decision was made on
            transcript_pages REAL,
            judgment_pages REAL,
            corrected_file_pages REAL,                -- 'corrected': the counts that replace them
            corrected_transcript_pages REAL,          -- (NULL: that count stays as imported)
            corrected_judgment_pages REAL,
            reason TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            decided_by TEXT NOT NULL
        );

CREATE INDEX idx_page_reviews_case ON page_reviews(case_id);
