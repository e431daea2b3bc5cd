-- name: user accounts and the hash-chained audit trail

CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('admin', 'personnel', 'division_head', 'judge')),
            judge_id INTEGER REFERENCES judges(id),
            division_id INTEGER REFERENCES divisions(id),
            password_hash TEXT NOT NULL,             -- scrypt$n$r$p$salt$hash, never the password
            must_change INTEGER NOT NULL DEFAULT 1,  -- first-time or reset password
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until REAL,                       -- epoch seconds
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            password_changed_at TEXT
        );

CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            role TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL DEFAULT '',
            before TEXT,                             -- JSON
            after TEXT,                              -- JSON
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );

CREATE INDEX audit_log_at ON audit_log(at);

CREATE INDEX audit_log_action ON audit_log(action);

-- The application never changes or removes an audit row; the hash chain catches anyone who does.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
           BEGIN SELECT RAISE(ABORT, '审计记录不可修改'); END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
           BEGIN SELECT RAISE(ABORT, '审计记录不可删除'); END;
