"""The SQL of the quality and efficiency figures (质效): time limits, appeals, enforcement amounts,
long-pending reasons, and of page-count reviews (待复核)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import sqlite_utils

from workload_app.storage.rows import fetch_rows, frame, now

# ---------------------------------------------------------------- quality and efficiency (质效)

QUALITY_SELECT = """
SELECT c.id AS case_id, c.case_number, c.category, c.instance, c.type_code, c.procedure, c.cause,
       c.closing_method, c.filed_on, c.closed_on, c.panel,
       c.time_limit_days, c.extension_days, c.deducted_days, c.appealed, c.appeal_result,
       c.appeal_recorded_on, c.original_case_number, c.enforcement_applied, c.enforcement_recovered,
       j.name AS judge, d.name AS division,
       r.reason AS pending_reason, r.note AS pending_note, r.recorded_by AS reason_by,
       r.recorded_at AS reason_at
FROM cases c JOIN judges j ON j.id = c.judge_id LEFT JOIN divisions d ON d.id = c.division_id
LEFT JOIN pending_reasons r ON r.case_id = c.id
"""


def quality_cases(db: sqlite_utils.Database, *, filed_by: str, closed_from: str) -> pd.DataFrame:
    """Cases that matter to a period: filed by its end and not closed before its start."""
    out = frame(
        db,
        QUALITY_SELECT + " WHERE c.filed_on <= ? AND (c.closed_on IS NULL OR c.closed_on >= ?)"
        " OR (c.filed_on IS NULL AND c.closed_on >= ?) ORDER BY c.id",
        (filed_by, closed_from, closed_from),
    )
    out["appealed"] = out["appealed"].map({1: True, 0: False})
    return out


def open_cases(db: sqlite_utils.Database, at: str) -> pd.DataFrame:
    """Cases filed by ``at`` and not closed by it, with any recorded long-pending reason."""
    return frame(
        db,
        QUALITY_SELECT + " WHERE c.filed_on <= ? AND (c.closed_on IS NULL OR c.closed_on > ?) ORDER BY c.id",
        (at, at),
    )


def cases_data_date(db: sqlite_utils.Database) -> str | None:
    """The date of the newest case import still in force (what the figures rest on)."""
    row = db.conn.execute(
        "SELECT MAX(substr(created_at, 1, 10)) FROM import_batches "
        "WHERE kind IN ('cases', 'demo') AND undone_at IS NULL"
    ).fetchone()
    return row[0]


def appeals_data_date(db: sqlite_utils.Database) -> str | None:
    """The date the newest appellate outcome reached the store."""
    return db.conn.execute("SELECT MAX(appeal_recorded_on) FROM cases").fetchone()[0]


def case_ids_by_number(db: sqlite_utils.Database, numbers: Iterable[str]) -> dict[str, dict]:
    from workload_app.storage import repository  # imported here: repository imports this module

    return repository.existing_case_rows(db, numbers)


def case_for_reason(db: sqlite_utils.Database, case_number: str) -> dict | None:
    rows = fetch_rows(
        db,
        QUALITY_SELECT.replace("SELECT c.id", "SELECT c.judge_id, c.id", 1) + " WHERE c.case_number = ?",
        (case_number,),
    )
    return rows[0] if rows else None


def set_pending_reason(db: sqlite_utils.Database, case_id: int, reason: str, note: str, user: str) -> None:
    db.conn.execute(
        """INSERT INTO pending_reasons (case_id, reason, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (case_id) DO UPDATE SET reason = excluded.reason, note = excluded.note,
               recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""",
        (case_id, reason, note, user, now(db)),
    )


def record_pending_reason_on_server(
    db: sqlite_utils.Database, case_number: str, reason: str, note: str
) -> None:
    """The court server's ``workload_record_pending_reason``: only the case's responsible judge
    (or 管理员), while the case is open; the author, the time and the audit row are the server's."""
    import psycopg

    from workload_app.core.problems import WorkloadError

    try:
        db.conn.execute("SELECT workload_record_pending_reason(?, ?, ?)", (case_number, reason, note))
    except (psycopg.errors.InsufficientPrivilege, psycopg.errors.InvalidParameterValue) as exc:
        raise WorkloadError(
            "server.pending_refused", case=case_number, detail=exc.diag.message_primary or ""
        ) from exc


# ---------------------------------------------------------------- page-count reviews (待复核)

PAGE_REVIEW_FIELDS = (
    "case_id",
    "decision",
    "file_pages",
    "transcript_pages",
    "judgment_pages",
    "corrected_file_pages",
    "corrected_transcript_pages",
    "corrected_judgment_pages",
    "reason",
    "decided_at",
    "decided_by",
)


def case_by_number(db: sqlite_utils.Database, case_number: str) -> dict | None:
    """One case (CASE_SELECT columns) by its canonical case number."""
    from workload_app.storage import repository  # imported here: repository imports this module

    rows = fetch_rows(db, repository.CASE_SELECT + " WHERE c.case_number = ?", (case_number,))
    return rows[0] if rows else None


def insert_page_review(db: sqlite_utils.Database, review: dict) -> int:
    """Record a reviewer's decision on a case's page counts (keys: PAGE_REVIEW_FIELDS)."""
    cols = ", ".join(PAGE_REVIEW_FIELDS)
    cur = db.conn.execute(
        f"INSERT INTO page_reviews ({cols}) VALUES ({', '.join('?' * len(PAGE_REVIEW_FIELDS))})",
        tuple(review.get(f) for f in PAGE_REVIEW_FIELDS),
    )
    return int(cur.lastrowid)


def latest_page_reviews(db: sqlite_utils.Database) -> pd.DataFrame:
    """Each reviewed case's latest decision (PAGE_REVIEW_FIELDS), whether or not it still applies."""
    out = frame(
        db,
        f"""SELECT {", ".join("r." + f for f in PAGE_REVIEW_FIELDS)} FROM page_reviews r
            WHERE r.id = (SELECT MAX(id) FROM page_reviews WHERE case_id = r.case_id) ORDER BY r.case_id""",
    )
    if out.empty:
        out = pd.DataFrame(columns=list(PAGE_REVIEW_FIELDS))
    for c in PAGE_REVIEW_FIELDS[2:8]:
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    return out


POST_REVIEW_FIELDS = ("case_id", "judge_id", "closed_on", "decision", "reason", "decided_at", "decided_by")


def insert_post_review(db: sqlite_utils.Database, review: dict) -> int:
    """Record a reviewer's decision on a case closed outside a judge's time in post
    (keys: POST_REVIEW_FIELDS)."""
    cols = ", ".join(POST_REVIEW_FIELDS)
    cur = db.conn.execute(
        f"INSERT INTO post_reviews ({cols}) VALUES ({', '.join('?' * len(POST_REVIEW_FIELDS))})",
        tuple(review.get(f) for f in POST_REVIEW_FIELDS),
    )
    return int(cur.lastrowid)


def post_confirmations(db: sqlite_utils.Database) -> set[tuple[int, str]]:
    """(case id, judge's name) of every confirmation that still applies: the case's closing date
    is the one it was made on (a re-import that moves the date leaves it behind)."""
    rows = db.conn.execute(
        """SELECT r.case_id, j.name FROM post_reviews r JOIN cases c ON c.id = r.case_id
           JOIN judges j ON j.id = r.judge_id WHERE r.decision = 'confirmed' AND c.closed_on = r.closed_on"""
    ).fetchall()
    return {(int(case_id), str(name)) for case_id, name in rows}
