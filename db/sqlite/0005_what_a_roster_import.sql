-- name: what a roster import changed, so that it can be undone

CREATE TABLE roster_history (
            batch_id INTEGER NOT NULL REFERENCES import_batches(id),
            kind TEXT NOT NULL CHECK (kind IN ('judge', 'division')),
            row_id INTEGER NOT NULL,
            before TEXT                              -- JSON of the row before; NULL: the batch created it
        );

CREATE INDEX roster_history_batch ON roster_history(batch_id);
