"""The SQL for the court's data: reading and writing divisions, judges, cases, batches,
parameter sets, results and quota plans (the last groups in ``parameter_store``, ``plan_store``
and ``quality_store``, re-exported here) (accounts: ``users``; the audit log: ``audit_trail``).
Callers hold a transaction (``transaction(db)``).

sqlite-utils' own write helpers commit on their own (``with conn:``), which would break an
import's all-or-nothing transaction, so writes here go through ``executemany`` on the connection.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator

import pandas as pd
import sqlite_utils

from workload_app.core import case_schema
from workload_app.storage.dialect import dialect_of
from workload_app.storage.errors import DatabaseBusy, is_busy
from workload_app.storage.pg import WriterBusy
from workload_app.storage.rows import fetch_rows, frame, insert_rows, now  # noqa: F401 - importable as repository.*

QUALITY_FIELDS = case_schema.QUALITY_FIELDS  # migration 9: time limits, appeals, enforcement amounts
CASE_FIELDS = case_schema.STORED_FIELDS  # the cases table's columns (but id and batch_id)
COMPARED_FIELDS = case_schema.COMPARED_FIELDS


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """All or nothing. Nested calls become savepoints."""
    conn = db.conn
    if conn.in_transaction:
        name = f"sp{id(object())}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    _begin_immediate(db)
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


BUSY_RETRIES = (0.25, 1.0, 2.0)  # seconds between attempts, on top of the connection's busy timeout


def _begin_immediate(db: sqlite_utils.Database) -> None:
    """Take the write lock, retrying with backoff while another writer holds it."""
    dialect = dialect_of(db)
    for pause in (*BUSY_RETRIES, None):
        try:
            dialect.begin_write(db.conn)
            return
        except (sqlite3.OperationalError, WriterBusy) as exc:
            if not is_busy(exc):
                raise
            if pause is None:
                raise DatabaseBusy("db.busy") from exc
            time.sleep(pause)


# ---------------------------------------------------------------- divisions and judges


def in_transaction(db: sqlite_utils.Database) -> bool:
    return db.conn.in_transaction


def has_cases(db: sqlite_utils.Database) -> bool:
    return db.conn.execute("SELECT EXISTS (SELECT 1 FROM cases)").fetchone()[0] == 1


def judge_count(db: sqlite_utils.Database) -> int:
    return int(db.conn.execute("SELECT COUNT(*) FROM judges").fetchone()[0])


def division_count(db: sqlite_utils.Database) -> int:
    return int(db.conn.execute("SELECT COUNT(*) FROM divisions").fetchone()[0])


def closures_by_track_month(db: sqlite_utils.Database, year: int) -> list[tuple[str, int, int]]:
    """(track, month, cases) closed in ``year``: enforcement cases one track, all others 'trial'."""
    return db.conn.execute(
        "SELECT CASE WHEN category = 'enforcement' THEN 'enforcement' ELSE 'trial' END, closed_month, "
        "COUNT(*) FROM cases WHERE closed_year = ? GROUP BY 1, 2",
        (year,),
    ).fetchall()


def division_ids(db: sqlite_utils.Database) -> dict[str, int]:
    return {r[1]: r[0] for r in db.conn.execute("SELECT id, name FROM divisions")}


def ensure_division(db: sqlite_utils.Database, name: str, track: str = "trial", categories: str = "") -> int:
    row = db.conn.execute("SELECT id FROM divisions WHERE name = ?", (name,)).fetchone()
    if row:
        return int(row[0])
    cur = db.conn.execute(
        "INSERT INTO divisions (name, track, categories) VALUES (?, ?, ?)", (name, track, categories)
    )
    return int(cur.lastrowid)


def set_division_categories(db: sqlite_utils.Database, name: str, track: str, categories: str) -> None:
    db.conn.execute(
        "UPDATE divisions SET track = ?, categories = ? WHERE name = ?", (track, categories, name)
    )


def divisions_frame(db: sqlite_utils.Database) -> pd.DataFrame:
    return frame(db, "SELECT id, name, track, categories FROM divisions ORDER BY id")


def judges_frame(db: sqlite_utils.Database) -> pd.DataFrame:
    return frame(
        db,
        """SELECT j.id, j.name, d.name AS division, j.role AS post, j.track, j.in_post_from, j.in_post_to
           FROM judges j LEFT JOIN divisions d ON d.id = j.division_id ORDER BY d.id, j.id""",
    )


def judge_ids(db: sqlite_utils.Database) -> dict[str, int]:
    return {r[1]: r[0] for r in db.conn.execute("SELECT id, name FROM judges")}


def upsert_judge(db: sqlite_utils.Database, judge: dict) -> tuple[int, str]:
    """Insert or update a judge by name; returns (id, 'new'|'updated'|'unchanged')."""
    # The judges table keeps the post (职务, ``judge["post"]``) in its column ``role`` (migration 1);
    # here and in judges_frame (``j.role AS post``) is the only place the two names meet.
    division_id = (
        ensure_division(db, judge["division"], judge.get("track", "trial")) if judge.get("division") else None
    )
    values = (division_id, judge["post"], judge["track"], judge.get("in_post_from"), judge.get("in_post_to"))
    row = db.conn.execute(
        "SELECT id, division_id, role, track, in_post_from, in_post_to FROM judges WHERE name = ?",
        (judge["name"],),
    ).fetchone()
    if row is None:
        cur = db.conn.execute(
            "INSERT INTO judges (name, division_id, role, track, in_post_from, in_post_to) VALUES (?,?,?,?,?,?)",
            (judge["name"], *values),
        )
        return int(cur.lastrowid), "new"
    if tuple(row[1:]) == values:
        return int(row[0]), "unchanged"
    db.conn.execute(
        "UPDATE judges SET division_id=?, role=?, track=?, in_post_from=?, in_post_to=? WHERE id=?",
        (*values, row[0]),
    )
    return int(row[0]), "updated"


def cases_version(db: sqlite_utils.Database) -> int:
    return int(db.conn.execute("SELECT value FROM meta WHERE key = 'cases_version'").fetchone()[0])


def bump_cases_version(db: sqlite_utils.Database) -> None:
    """Mark stored results as computed on older case data (call inside the changing transaction)."""
    db.conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'cases_version'")


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


# ---------------------------------------------------------------- import batches


def create_batch(db: sqlite_utils.Database, kind: str, file_name: str, sha256: str, user: str) -> int:
    cur = db.conn.execute(
        'INSERT INTO import_batches (kind, file_name, sha256, created_at, "user") VALUES (?,?,?,?,?)',
        (kind, file_name, sha256, now(db), user),
    )
    return int(cur.lastrowid)


def finish_batch(db: sqlite_utils.Database, batch_id: int, counts: dict[str, int]) -> None:
    db.conn.execute(
        """UPDATE import_batches SET rows_total=:total, rows_new=:new, rows_updated=:updated,
           rows_unchanged=:unchanged, rows_rejected=:rejected WHERE id=:id""",
        {**counts, "id": batch_id},
    )


def batches(db: sqlite_utils.Database) -> list[dict]:
    return fetch_rows(db, "SELECT * FROM import_batches ORDER BY id DESC")


def batch(db: sqlite_utils.Database, batch_id: int) -> dict | None:
    rows = fetch_rows(db, "SELECT * FROM import_batches WHERE id = ?", (batch_id,))
    return rows[0] if rows else None


# ---------------------------------------------------------------- cases


def existing_case_rows(db: sqlite_utils.Database, case_numbers: Iterable[str]) -> dict[str, dict]:
    """The stored rows (id + CASE_FIELDS) of the given case numbers, by case number."""
    conn = db.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS incoming (case_number TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM incoming")
    conn.executemany(
        dialect_of(db).insert_or_ignore("incoming", ("case_number",), ("case_number",)),
        ((n,) for n in case_numbers),
    )
    cols = ", ".join(f"c.{f}" for f in CASE_FIELDS)
    rows = fetch_rows(db, f"SELECT c.id, {cols} FROM cases c JOIN incoming i USING (case_number)")
    conn.execute("DELETE FROM incoming")
    return {r["case_number"]: r for r in rows}


def insert_cases(db: sqlite_utils.Database, rows: pd.DataFrame, batch_id: int | None) -> None:
    cols = [*CASE_FIELDS, "batch_id"]
    data = rows.assign(batch_id=batch_id).reindex(columns=cols).astype(object)  # missing columns: NULL
    data = data.where(pd.notna(data), None)
    insert_rows(db, "cases", cols, data.itertuples(index=False, name=None))


def update_cases(db: sqlite_utils.Database, rows: pd.DataFrame, before: pd.DataFrame, batch_id: int) -> None:
    """Update changed cases (``rows`` has id + CASE_FIELDS) and keep their previous values for undo."""
    prev = before.astype(object).where(pd.notna(before), None)
    insert_rows(
        db,
        "case_history",
        ("batch_id", "case_id", "before"),
        (
            (batch_id, int(r["id"]), json.dumps(r, ensure_ascii=False, default=str))
            for r in prev.to_dict("records")
        ),
    )
    # batch_id stays the batch that created the case; what later batches changed is in case_history
    cols = list(COMPARED_FIELDS)
    data = rows[[*cols, "id"]].astype(object)
    data = data.where(pd.notna(data), None)
    sql = f"UPDATE cases SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?"
    db.conn.executemany(sql, data.itertuples(index=False, name=None))


def undo_batch(db: sqlite_utils.Database, batch_id: int) -> dict[str, int]:
    """Remove the cases a batch added and restore those it changed. Caller holds the transaction."""
    conn = db.conn
    history = fetch_rows(db, "SELECT case_id, before FROM case_history WHERE batch_id = ?", (batch_id,))
    restored_ids = {h["case_id"] for h in history}
    added = [
        r[0]
        for r in conn.execute("SELECT id FROM cases WHERE batch_id = ?", (batch_id,))
        if r[0] not in restored_ids
    ]
    conn.executemany("DELETE FROM case_results WHERE case_id = ?", ((i,) for i in added))
    conn.executemany("DELETE FROM cases WHERE id = ?", ((i,) for i in added))
    for h in history:
        before = json.loads(h["before"])
        cols = list(COMPARED_FIELDS)
        conn.execute(
            f"UPDATE cases SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
            (*[before.get(c) for c in cols], h["case_id"]),
        )
    conn.execute("UPDATE import_batches SET undone_at = ? WHERE id = ?", (now(db), batch_id))
    return {"removed": len(added), "restored": len(history)}


def later_batches_touching(db: sqlite_utils.Database, batch_id: int) -> list[int]:
    """Later, not undone batches that changed cases this batch wrote (undo them first)."""
    rows = db.conn.execute(
        """SELECT DISTINCT h.batch_id FROM case_history h
           JOIN import_batches b ON b.id = h.batch_id AND b.undone_at IS NULL
           WHERE h.batch_id > ? AND h.case_id IN (
               SELECT id FROM cases WHERE batch_id = ? UNION SELECT case_id FROM case_history WHERE batch_id = ?)""",
        (batch_id, batch_id, batch_id),
    ).fetchall()
    return [r[0] for r in rows]


# How the case frame's columns that are not the cases table's own are read.
_FRAME_SQL = {"case_id": "c.id AS case_id", "judge": "j.name AS judge", "division": "d.name AS division"}
CASE_SELECT_COLUMNS = tuple(f.name for f in case_schema.FRAME_FIELDS if not f.quality)
CASE_SELECT = f"""
SELECT {", ".join(_FRAME_SQL.get(f.name, f"c.{f.name}") for f in case_schema.FRAME_FIELDS)}
FROM cases c JOIN judges j ON j.id = c.judge_id LEFT JOIN divisions d ON d.id = c.division_id
"""


def load_cases(
    db: sqlite_utils.Database,
    *,
    closed_year: int | None = None,
    judge_id: int | None = None,
    division_id: int | None = None,
    open_only: bool = False,
) -> pd.DataFrame:
    """Cases as a DataFrame in the engine's columns (see core.standard.CASE_COLUMNS)."""
    where, params = [], []
    if closed_year is not None:
        where.append("c.closed_year = ?")
        params.append(closed_year)
    if open_only:
        where.append("c.closed_on IS NULL")
    if judge_id is not None:
        where.append("c.judge_id = ?")
        params.append(judge_id)
    if division_id is not None:
        where.append("c.division_id = ?")
        params.append(division_id)
    sql = CASE_SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.id"
    out = frame(db, sql, params)
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    out["approved"] = out["approved"].map({1: True, 0: False})
    return out


def case_counts(db: sqlite_utils.Database) -> pd.DataFrame:
    """Closed cases per year, division and category; open cases with year empty."""
    return frame(
        db,
        """SELECT c.closed_year AS year, d.name AS division, c.category, COUNT(*) AS cases
           FROM cases c LEFT JOIN divisions d ON d.id = c.division_id
           GROUP BY c.closed_year, d.id, d.name, c.category
           ORDER BY (c.closed_year IS NULL) DESC, c.closed_year, (d.id IS NULL) DESC, d.id, c.category""",
    )


def filings_by_month(db: sqlite_utils.Database, year: int) -> pd.DataFrame:
    """Cases filed in a year per track and month (from filed_on)."""
    return frame(
        db,
        """SELECT CASE WHEN category = 'enforcement' THEN 'enforcement' ELSE 'trial' END AS track,
                  CAST(substr(filed_on, 6, 2) AS INTEGER) AS month, COUNT(*) AS cases
           FROM cases WHERE substr(filed_on, 1, 4) = ? GROUP BY 1, 2""",
        (str(year),),
    )


def open_at(db: sqlite_utils.Database, date: str) -> pd.DataFrame:
    """Cases filed before ``date`` and not closed before it: carried over (旧存), per division/track."""
    return frame(
        db,
        """SELECT d.name AS division, c.category, COUNT(*) AS cases
           FROM cases c LEFT JOIN divisions d ON d.id = c.division_id
           WHERE c.filed_on < ? AND (c.closed_on IS NULL OR c.closed_on >= ?)
           GROUP BY d.name, c.category""",
        (date, date),
    )


def case_flow(db: sqlite_utils.Database, start: str, end: str) -> pd.DataFrame:
    """Per responsible judge, from 立案日期/结案日期: carried over into ``start`` (旧存), filed
    (新收) and closed (已结) from ``start`` to ``end``, and pending at ``end`` (未结)."""
    return frame(
        db,
        """SELECT j.name AS judge,
                  SUM(CASE WHEN c.filed_on < :start AND (c.closed_on IS NULL OR c.closed_on >= :start) THEN 1 ELSE 0 END) AS carried,
                  SUM(CASE WHEN c.filed_on >= :start AND c.filed_on <= :end THEN 1 ELSE 0 END) AS filed,
                  SUM(CASE WHEN c.closed_on >= :start AND c.closed_on <= :end THEN 1 ELSE 0 END) AS closed,
                  SUM(CASE WHEN c.filed_on <= :end AND (c.closed_on IS NULL OR c.closed_on > :end) THEN 1 ELSE 0 END) AS pending
           FROM cases c JOIN judges j ON j.id = c.judge_id GROUP BY j.name""",
        {"start": start, "end": end},
    )


# The table groups kept in modules of their own, importable from here as before.
from workload_app.storage.parameter_store import (  # noqa: E402,F401 - importable as repository.*
    RESULT_COLUMNS,
    case_years,
    computation_of,
    current_param_set,
    insert_param_set,
    latest_computation,
    load_results,
    official_param_set,
    param_set,
    param_versions,
    param_years,
    publish_param_set,
    replace_param_toml,
    save_computation,
    save_results,
)
from workload_app.storage.plan_store import (  # noqa: E402,F401 - importable as repository.*
    insert_override,
    insert_quota_plan,
    mapping_profiles,
    overrides,
    quota_plan_versions,
    quota_plans,
    save_mapping_profile,
    set_case_approval,
)
from workload_app.storage.quality_store import (  # noqa: E402,F401 - importable as repository.*
    PAGE_REVIEW_FIELDS,
    POST_REVIEW_FIELDS,
    QUALITY_SELECT,
    appeals_data_date,
    case_by_number,
    case_for_reason,
    case_ids_by_number,
    cases_data_date,
    insert_page_review,
    insert_post_review,
    latest_page_reviews,
    open_cases,
    post_confirmations,
    quality_cases,
    record_pending_reason_on_server,
    set_pending_reason,
)
