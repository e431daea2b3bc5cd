"""The schema as the Python migrations built it before the SQL files in db/sqlite/ replaced them
(copied verbatim from storage/migrations.py; 11 from main at 380f7d4, where the 疑问 work added
it): the reference the SQL files are checked against."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]
LEGACY: list[tuple[int, str, Migration]] = []


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        LEGACY.append((version, name, fn))
        LEGACY.sort(key=lambda m: m[0])
        return fn

    return register


@migration(1, "divisions, judges, cases, import batches")
def _m1(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE divisions (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            track TEXT NOT NULL DEFAULT 'trial',      -- trial / enforcement
            categories TEXT NOT NULL DEFAULT ''       -- comma list: civil,criminal,… (for transfers)
        )"""
    )
    db.execute(
        """CREATE TABLE judges (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            division_id INTEGER REFERENCES divisions(id),
            role TEXT NOT NULL DEFAULT '审判员',       -- 院长/副院长/审判委员会专职委员/庭长/副庭长/审判员
            track TEXT NOT NULL DEFAULT 'trial',       -- trial (审判) / enforcement (执行)
            in_post_from TEXT,                          -- 入额日期
            in_post_to TEXT                             -- 离任日期
        )"""
    )
    db.execute(
        """CREATE TABLE import_batches (
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
        )"""
    )
    db.execute(
        """CREATE TABLE cases (
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
        )"""
    )
    db.execute("CREATE INDEX idx_cases_closed ON cases(closed_year, closed_month)")
    db.execute("CREATE INDEX idx_cases_judge ON cases(judge_id, closed_year)")
    db.execute("CREATE INDEX idx_cases_division ON cases(division_id, closed_year)")
    db.execute("CREATE INDEX idx_cases_category ON cases(category, closed_year)")
    db.execute("CREATE INDEX idx_cases_batch ON cases(batch_id)")
    db.execute(
        """CREATE TABLE case_history (              -- what a batch changed, to undo it
            batch_id INTEGER NOT NULL REFERENCES import_batches(id),
            case_id INTEGER NOT NULL,
            before TEXT NOT NULL                     -- JSON of the row before the batch
        )"""
    )
    db.execute("CREATE INDEX idx_history_batch ON case_history(batch_id)")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES ('cases_version', '0')")


@migration(2, "parameter sets and standard-case results")
def _m2(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE param_sets (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            version INTEGER NOT NULL,
            toml TEXT NOT NULL,
            published INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            UNIQUE (year, version)
        )"""
    )
    db.execute(
        """CREATE TABLE computations (
            id INTEGER PRIMARY KEY,
            param_set_id INTEGER NOT NULL REFERENCES param_sets(id),
            year INTEGER NOT NULL,
            averages TEXT NOT NULL,                  -- JSON: pool -> [F, T, J, n]
            case_count INTEGER NOT NULL,
            cases_version INTEGER NOT NULL,          -- meta.cases_version the results were computed on
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE case_results (
            computation_id INTEGER NOT NULL REFERENCES computations(id) ON DELETE CASCADE,
            case_id INTEGER NOT NULL,
            unit TEXT NOT NULL,
            sc REAL,                                 -- NULL: incomplete pages
            rule INTEGER NOT NULL,
            flags INTEGER NOT NULL,
            page_sc REAL,
            avg_file REAL, avg_transcript REAL, avg_judgment REAL,
            PRIMARY KEY (computation_id, case_id)
        ) WITHOUT ROWID"""
    )


@migration(3, "quota plans and header-mapping profiles")
def _m3(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE quota_plans (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            version INTEGER NOT NULL,
            from_month INTEGER NOT NULL DEFAULT 1,   -- 1 = plan, >1 = re-plan from that month
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            plan TEXT NOT NULL,                      -- JSON: inputs, common quotas, judges, months
            UNIQUE (year, version)
        )"""
    )
    db.execute(
        """CREATE TABLE quota_overrides (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            judge_id INTEGER NOT NULL REFERENCES judges(id),
            quota REAL NOT NULL,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """CREATE TABLE mapping_profiles (
            name TEXT PRIMARY KEY,
            mapping TEXT NOT NULL                    -- JSON: source header -> field
        )"""
    )


@migration(4, "user accounts and the hash-chained audit trail")
def _m4(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE users (
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
        )"""
    )
    db.execute(
        """CREATE TABLE audit_log (
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
        )"""
    )
    db.execute("CREATE INDEX audit_log_at ON audit_log(at)")
    db.execute("CREATE INDEX audit_log_action ON audit_log(action)")
    # The application never changes or removes an audit row; the hash chain catches anyone who does.
    db.execute(
        """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
           BEGIN SELECT RAISE(ABORT, '审计记录不可修改'); END"""
    )
    db.execute(
        """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
           BEGIN SELECT RAISE(ABORT, '审计记录不可删除'); END"""
    )


@migration(9, "quality and efficiency: time limits, appeals, enforcement amounts, long-pending reasons")
def _m9(db: sqlite_utils.Database) -> None:
    for column, kind in (
        ("time_limit_days", "INTEGER"),  # 审限天数 from the export (else the year's parameters)
        ("extension_days", "INTEGER"),  # 延长审限天数 (approved extension)
        ("deducted_days", "INTEGER"),  # 扣除审限天数 (公告, 鉴定, 中止 …)
        ("appealed", "INTEGER"),  # 上诉: 1/0/NULL
        ("appeal_result", "TEXT"),  # 二审结果: 维持/改判/发回重审/撤诉/调解 …
        ("appeal_recorded_on", "TEXT"),  # when the appellate outcome reached us (the figure's data date)
        ("original_case_number", "TEXT"),  # 原审案号 (canonical form)
        ("enforcement_applied", "REAL"),  # 申请执行标的金额
        ("enforcement_recovered", "REAL"),  # 执行到位金额
    ):
        db.execute(f"ALTER TABLE cases ADD COLUMN {column} {kind}")
    db.execute(
        """CREATE TABLE pending_reasons (          -- why a long-pending case is still open
            case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            reason TEXT NOT NULL,                  -- 鉴定/公告/中止/等待他案/其他
            note TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )"""
    )


@migration(5, "what a roster import changed, so that it can be undone")
def _m5(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE roster_history (
            batch_id INTEGER NOT NULL REFERENCES import_batches(id),
            kind TEXT NOT NULL CHECK (kind IN ('judge', 'division')),
            row_id INTEGER NOT NULL,
            before TEXT                              -- JSON of the row before; NULL: the batch created it
        )"""
    )
    db.execute("CREATE INDEX roster_history_batch ON roster_history(batch_id)")


@migration(7, "page-count reviews: outliers confirmed or corrected by a reviewer")
def _m7(db: sqlite_utils.Database) -> None:
    # One row per decision, never changed: the case's live decision is its latest row, and it
    # applies only while the imported page counts still equal those it was made on (file_pages …).
    db.execute(
        """CREATE TABLE page_reviews (
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
        )"""
    )
    db.execute("CREATE INDEX idx_page_reviews_case ON page_reviews(case_id)")


@migration(11, "queries a judge raises on a figure, and their answers")
def _m11(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE queries (
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
        )"""
    )
    db.execute("CREATE INDEX queries_open ON queries (answered_at, asked_at)")


@migration(15, "per-judge credit and held-case reasons stored with each computation")
def _m15(db: sqlite_utils.Database) -> None:
    # Written in the transaction that stores a computation's results, from the same figures, so
    # the tally and a judge's own view read a few hundred rows instead of the year's cases.
    db.execute(
        "ALTER TABLE computations ADD COLUMN derived INTEGER NOT NULL DEFAULT 0"
    )  # 1: tables below written
    db.execute(
        """CREATE TABLE judge_credit (
            computation_id INTEGER NOT NULL REFERENCES computations(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('month', 'to_month')),  -- closed in / through the month
            month INTEGER NOT NULL,
            pos INTEGER NOT NULL,                    -- order of credit_by_judge's rows (judges sorted)
            judge TEXT NOT NULL,
            cases INTEGER NOT NULL,
            sc_trial REAL NOT NULL,
            sc_enforcement REAL NOT NULL,
            PRIMARY KEY (computation_id, kind, month, pos)
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE held_reasons (
            computation_id INTEGER NOT NULL REFERENCES computations(id) ON DELETE CASCADE,
            case_id INTEGER NOT NULL,
            reason TEXT NOT NULL,                    -- review.add_hold_reasons' text (year-wide medians)
            PRIMARY KEY (computation_id, case_id)
        ) WITHOUT ROWID"""
    )
    # a judge's own view finds the cases they sat on by scanning the year's panels in this index
    db.execute("CREATE INDEX idx_cases_panel ON cases(closed_year, panel)")
    # A reference year's averages kept for the next computation that takes that year as its
    # reference with the same parameters, while no case of that year and no reviewer's decision
    # on one has changed since: every change to a year's cases bumps its version (triggers).
    db.execute("CREATE TABLE year_versions (closed_year INTEGER PRIMARY KEY, version INTEGER NOT NULL)")
    db.execute(
        """CREATE TABLE reference_averages (
            reference_year INTEGER NOT NULL,
            params_key TEXT NOT NULL,                -- hash of the computing year's parameter TOML
            year_version INTEGER NOT NULL,           -- year_versions.version the averages were read at
            averages TEXT NOT NULL,                  -- JSON: pool -> [F, T, J, n]
            PRIMARY KEY (reference_year, params_key)
        )"""
    )
    bump = (  # the SELECT's WHERE keeps ON CONFLICT from reading as a join constraint
        "INSERT INTO year_versions (closed_year, version) SELECT {y}, 1 WHERE {y} IS NOT NULL "
        "ON CONFLICT (closed_year) DO UPDATE SET version = version + 1;"
    )
    year_of_review = "(SELECT closed_year FROM cases WHERE id = {row}.case_id)"
    for name, event, years in (
        ("cases_insert", "INSERT ON cases", ["NEW.closed_year"]),
        ("cases_update", "UPDATE ON cases", ["OLD.closed_year", "NEW.closed_year"]),
        ("cases_delete", "DELETE ON cases", ["OLD.closed_year"]),
        ("reviews_insert", "INSERT ON page_reviews", [year_of_review.format(row="NEW")]),
        ("reviews_update", "UPDATE ON page_reviews", [year_of_review.format(row="OLD"), year_of_review.format(row="NEW")]),
        ("reviews_delete", "DELETE ON page_reviews", [year_of_review.format(row="OLD")]),
    ):  # fmt: skip
        body = " ".join(bump.format(y=y) for y in years)
        db.execute(f"CREATE TRIGGER year_version_{name} AFTER {event} BEGIN {body} END")


@migration(17, "judges' moves between divisions, each from a date")
def _m17(db: sqlite_utils.Database) -> None:
    # judges.division_id is the division of the judge's latest move; a judge's division on a day is
    # that of the latest move dated on or before it, or before the first move, its from_division.
    db.execute(
        """CREATE TABLE division_moves (
            id INTEGER PRIMARY KEY,
            judge_id INTEGER NOT NULL REFERENCES judges(id),
            from_date TEXT NOT NULL,                 -- YYYY-MM-DD: in division_id from this day on
            division_id INTEGER NOT NULL REFERENCES divisions(id),
            from_division_id INTEGER REFERENCES divisions(id),  -- where the judge was before
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (judge_id, from_date)
        )"""
    )


@migration(18, "index on the appellate outcomes' recording date")
def _m18(db: sqlite_utils.Database) -> None:
    # 质效's appeals data date is MAX(appeal_recorded_on): with the index it is one step in it,
    # not a scan of every case (0.3 s of a judge's own view on a 1M-case court).
    db.execute("CREATE INDEX idx_cases_appeal_recorded ON cases(appeal_recorded_on)")
