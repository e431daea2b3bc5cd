"""The SQL for the court's data: reading and writing divisions, judges, cases, batches,
parameter sets, results and quota plans (accounts: ``users``; the audit log: ``audit_trail``).
Callers hold a transaction (``transaction(db)``).

sqlite-utils' own write helpers commit on their own (``with conn:``), which would break an
import's all-or-nothing transaction, so writes here go through ``executemany`` on the connection.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence

import pandas as pd
import sqlite_utils

from workload_app.core.problems import WorkloadError

QUALITY_FIELDS = (  # migration 9: time limits, appeals, enforcement amounts (core.quality)
    "time_limit_days",
    "extension_days",
    "deducted_days",
    "appealed",
    "appeal_result",
    "appeal_recorded_on",
    "original_case_number",
    "enforcement_applied",
    "enforcement_recovered",
)
CASE_FIELDS = (
    "case_number",
    "year",
    "court",
    "type_code",
    "category",
    "instance",
    "judge_id",
    "division_id",
    "cause",
    "procedure",
    "filed_on",
    "closed_on",
    "closed_year",
    "closed_month",
    "closing_method",
    "file_pages",
    "transcript_pages",
    "judgment_pages",
    "panel",
    "approved",
    *QUALITY_FIELDS,
)
COMPARED_FIELDS = tuple(f for f in CASE_FIELDS if f != "case_number")


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


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
    _begin_immediate(conn)
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


BUSY_RETRIES = (0.25, 1.0, 2.0)  # seconds between attempts, on top of the connection's busy timeout


class DatabaseBusy(WorkloadError):
    """Another program held the database for writing longer than we waited."""


def _begin_immediate(conn: sqlite3.Connection) -> None:
    """Take the write lock, retrying with backoff while another writer holds it."""
    for pause in (*BUSY_RETRIES, None):
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if pause is None:
                raise DatabaseBusy("db.busy") from exc
            time.sleep(pause)


def fetch_rows(db: sqlite_utils.Database, sql: str, params: Sequence | dict = ()) -> list[dict]:
    cur = db.conn.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def frame(db: sqlite_utils.Database, sql: str, params: Sequence | dict = ()) -> pd.DataFrame:
    cur = db.conn.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return pd.DataFrame.from_records(cur.fetchall(), columns=cols)


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
        """SELECT j.id, j.name, d.name AS division, j.role, j.track, j.in_post_from, j.in_post_to
           FROM judges j LEFT JOIN divisions d ON d.id = j.division_id ORDER BY d.id, j.id""",
    )


def judge_ids(db: sqlite_utils.Database) -> dict[str, int]:
    return {r[1]: r[0] for r in db.conn.execute("SELECT id, name FROM judges")}


def upsert_judge(db: sqlite_utils.Database, judge: dict) -> tuple[int, str]:
    """Insert or update a judge by name; returns (id, 'new'|'updated'|'unchanged')."""
    division_id = (
        ensure_division(db, judge["division"], judge.get("track", "trial")) if judge.get("division") else None
    )
    values = (division_id, judge["role"], judge["track"], judge.get("in_post_from"), judge.get("in_post_to"))
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
        "INSERT INTO import_batches (kind, file_name, sha256, created_at, user) VALUES (?,?,?,?,?)",
        (kind, file_name, sha256, now(), user),
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
    conn.executemany("INSERT OR IGNORE INTO incoming VALUES (?)", ((n,) for n in case_numbers))
    cols = ", ".join(f"c.{f}" for f in CASE_FIELDS)
    rows = fetch_rows(db, f"SELECT c.id, {cols} FROM cases c JOIN incoming i USING (case_number)")
    conn.execute("DELETE FROM incoming")
    return {r["case_number"]: r for r in rows}


def insert_cases(db: sqlite_utils.Database, rows: pd.DataFrame, batch_id: int | None) -> None:
    cols = [*CASE_FIELDS, "batch_id"]
    data = rows.assign(batch_id=batch_id).reindex(columns=cols).astype(object)  # missing columns: NULL
    data = data.where(pd.notna(data), None)
    sql = f"INSERT INTO cases ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    db.conn.executemany(sql, data.itertuples(index=False, name=None))


def update_cases(db: sqlite_utils.Database, rows: pd.DataFrame, before: pd.DataFrame, batch_id: int) -> None:
    """Update changed cases (``rows`` has id + CASE_FIELDS) and keep their previous values for undo."""
    prev = before.astype(object).where(pd.notna(before), None)
    db.conn.executemany(
        "INSERT INTO case_history (batch_id, case_id, before) VALUES (?, ?, ?)",
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
    conn.execute("UPDATE import_batches SET undone_at = ? WHERE id = ?", (now(), batch_id))
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


CASE_SELECT_COLUMNS = (
    "case_id", "case_number", "year", "type_code", "category", "instance", "cause", "procedure",
    "filed_on", "closed_on", "closed_year", "closed_month", "closing_method",
    "file_pages", "transcript_pages", "judgment_pages", "panel", "approved",
    "judge", "judge_id", "division", "division_id",
)  # fmt: skip
CASE_SELECT = """
SELECT c.id AS case_id, c.case_number, c.year, c.type_code, c.category, c.instance, c.cause, c.procedure,
       c.filed_on, c.closed_on, c.closed_year, c.closed_month, c.closing_method,
       c.file_pages, c.transcript_pages, c.judgment_pages, c.panel, c.approved,
       j.name AS judge, c.judge_id, d.name AS division, c.division_id,
       c.time_limit_days, c.extension_days, c.deducted_days, c.appealed, c.appeal_result,
       c.enforcement_applied, c.enforcement_recovered
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
           GROUP BY c.closed_year, d.name, c.category ORDER BY c.closed_year, d.id, c.category""",
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
                  SUM(c.filed_on < :start AND (c.closed_on IS NULL OR c.closed_on >= :start)) AS carried,
                  SUM(c.filed_on >= :start AND c.filed_on <= :end) AS filed,
                  SUM(c.closed_on >= :start AND c.closed_on <= :end) AS closed,
                  SUM(c.filed_on <= :end AND (c.closed_on IS NULL OR c.closed_on > :end)) AS pending
           FROM cases c JOIN judges j ON j.id = c.judge_id GROUP BY j.name""",
        {"start": start, "end": end},
    )


# ---------------------------------------------------------------- parameter sets and results


def param_versions(db: sqlite_utils.Database, year: int) -> list[dict]:
    return fetch_rows(db, "SELECT * FROM param_sets WHERE year = ? ORDER BY version", (year,))


def param_set(db: sqlite_utils.Database, param_set_id: int) -> dict | None:
    rows = fetch_rows(db, "SELECT * FROM param_sets WHERE id = ?", (param_set_id,))
    return rows[0] if rows else None


def current_param_set(db: sqlite_utils.Database, year: int) -> dict | None:
    rows = fetch_rows(db, "SELECT * FROM param_sets WHERE year = ? ORDER BY version DESC LIMIT 1", (year,))
    return rows[0] if rows else None


def official_param_set(db: sqlite_utils.Database, year: int) -> dict | None:
    """The version the year's figures use: the newest published one; while none is published, the
    year's only (draft) version."""
    rows = fetch_rows(
        db,
        "SELECT * FROM param_sets WHERE year = ? ORDER BY published DESC, version DESC LIMIT 1",
        (year,),
    )
    return rows[0] if rows else None


def computation_of(db: sqlite_utils.Database, param_set_id: int) -> dict | None:
    """The newest stored computation made with one parameter version."""
    rows = fetch_rows(
        db,
        """SELECT c.*, p.version, p.published, p.toml FROM computations c JOIN param_sets p ON p.id = c.param_set_id
           WHERE c.param_set_id = ? ORDER BY c.id DESC LIMIT 1""",
        (param_set_id,),
    )
    return rows[0] if rows else None


def insert_param_set(
    db: sqlite_utils.Database, year: int, toml: str, reason: str, user: str, published: bool
) -> dict:
    row = db.conn.execute(
        "SELECT COALESCE(MAX(version), 0) FROM param_sets WHERE year = ?", (year,)
    ).fetchone()
    version = int(row[0]) + 1
    cur = db.conn.execute(
        "INSERT INTO param_sets (year, version, toml, published, reason, created_at, created_by) VALUES (?,?,?,?,?,?,?)",
        (year, version, toml, int(published), reason, now(), user),
    )
    return param_set(db, int(cur.lastrowid)) or {}


def replace_param_toml(db: sqlite_utils.Database, param_set_id: int, toml: str, reason: str) -> None:
    db.conn.execute(
        "UPDATE param_sets SET toml = ?, reason = ? WHERE id = ? AND published = 0",
        (toml, reason, param_set_id),
    )


def publish_param_set(db: sqlite_utils.Database, param_set_id: int) -> None:
    db.conn.execute("UPDATE param_sets SET published = 1 WHERE id = ?", (param_set_id,))


def param_years(db: sqlite_utils.Database) -> list[int]:
    return [r[0] for r in db.conn.execute("SELECT DISTINCT year FROM param_sets ORDER BY year")]


def case_years(db: sqlite_utils.Database) -> list[int]:
    return [
        r[0]
        for r in db.conn.execute(
            "SELECT DISTINCT closed_year FROM cases WHERE closed_year IS NOT NULL ORDER BY closed_year"
        )
    ]


def save_results(
    db: sqlite_utils.Database, param_set_id: int, year: int, averages: dict, results: pd.DataFrame
) -> int:
    """Store a computation (replacing earlier ones of the same parameter version)."""
    conn = db.conn
    cid = save_computation(db, param_set_id, year, averages, len(results))
    cols = list(RESULT_COLUMNS)
    data = results[cols].astype(object).where(results[cols].notna(), None)
    conn.executemany(
        f"INSERT INTO case_results (computation_id, {', '.join(cols)}) VALUES (?, {', '.join('?' * len(cols))})",
        ((cid, *r) for r in data.itertuples(index=False, name=None)),
    )
    return cid


RESULT_COLUMNS = (
    "case_id",
    "unit",
    "sc",
    "rule",
    "flags",
    "page_sc",
    "avg_file",
    "avg_transcript",
    "avg_judgment",
)


def save_computation(
    db: sqlite_utils.Database, param_set_id: int, year: int, averages: dict, count: int
) -> int:
    """The computation row (replacing earlier ones of the same parameter version); its id."""
    conn = db.conn
    conn.execute("DELETE FROM computations WHERE param_set_id = ?", (param_set_id,))
    cur = conn.execute(
        """INSERT INTO computations (param_set_id, year, averages, case_count, cases_version, created_at)
           VALUES (?,?,?,?,?,?)""",
        (
            param_set_id,
            year,
            json.dumps(averages, ensure_ascii=False),
            count,
            cases_version(db),
            now(),
        ),
    )
    return int(cur.lastrowid)


def latest_computation(db: sqlite_utils.Database, year: int) -> dict | None:
    rows = fetch_rows(
        db,
        """SELECT c.*, p.version, p.published, p.toml FROM computations c JOIN param_sets p ON p.id = c.param_set_id
           WHERE c.year = ? ORDER BY p.version DESC, c.id DESC LIMIT 1""",
        (year,),
    )
    return rows[0] if rows else None


def load_results(db: sqlite_utils.Database, computation_id: int) -> pd.DataFrame:
    return frame(
        db,
        """SELECT case_id, unit, sc, rule, flags, page_sc, avg_file, avg_transcript, avg_judgment
           FROM case_results WHERE computation_id = ? ORDER BY case_id""",
        (computation_id,),
    )


# ---------------------------------------------------------------- quota plans, overrides, profiles


def insert_quota_plan(
    db: sqlite_utils.Database, year: int, from_month: int, reason: str, user: str, plan: dict
) -> int:
    row = db.conn.execute(
        "SELECT COALESCE(MAX(version), 0) FROM quota_plans WHERE year = ?", (year,)
    ).fetchone()
    cur = db.conn.execute(
        "INSERT INTO quota_plans (year, version, from_month, reason, created_at, created_by, plan) VALUES (?,?,?,?,?,?,?)",
        (year, int(row[0]) + 1, from_month, reason, now(), user, json.dumps(plan, ensure_ascii=False)),
    )
    return int(cur.lastrowid)


def quota_plans(db: sqlite_utils.Database, year: int) -> list[dict]:
    rows = fetch_rows(db, "SELECT * FROM quota_plans WHERE year = ? ORDER BY version", (year,))
    for r in rows:
        r["plan"] = json.loads(r["plan"])
    return rows


def insert_override(
    db: sqlite_utils.Database, year: int, judge_id: int, quota: float, reason: str, user: str
) -> None:
    db.conn.execute(
        "INSERT INTO quota_overrides (year, judge_id, quota, reason, created_at, created_by) VALUES (?,?,?,?,?,?)",
        (year, judge_id, quota, reason, now(), user),
    )


def overrides(db: sqlite_utils.Database, year: int) -> dict[str, dict]:
    """The latest override per judge name for a year."""
    rows = fetch_rows(
        db,
        """SELECT j.name, o.quota, o.reason, o.created_at, o.created_by FROM quota_overrides o
           JOIN judges j ON j.id = o.judge_id WHERE o.year = ? ORDER BY o.id""",
        (year,),
    )
    return {r["name"]: r for r in rows}


def mapping_profiles(db: sqlite_utils.Database) -> dict[str, dict[str, str]]:
    return {r[0]: json.loads(r[1]) for r in db.conn.execute("SELECT name, mapping FROM mapping_profiles")}


def save_mapping_profile(db: sqlite_utils.Database, name: str, mapping: dict[str, str]) -> None:
    db.conn.execute(
        "INSERT INTO mapping_profiles (name, mapping) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET mapping = excluded.mapping",
        (name, json.dumps(mapping, ensure_ascii=False)),
    )


def set_case_approval(db: sqlite_utils.Database, case_number: str, approved: int) -> dict | None:
    row = fetch_rows(db, "SELECT id, case_number, approved FROM cases WHERE case_number = ?", (case_number,))
    if not row:
        return None
    db.conn.execute("UPDATE cases SET approved = ? WHERE id = ?", (approved, row[0]["id"]))
    return row[0]


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
    return existing_case_rows(db, numbers)


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
        (case_id, reason, note, user, now()),
    )


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
    rows = fetch_rows(db, CASE_SELECT + " WHERE c.case_number = ?", (case_number,))
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
