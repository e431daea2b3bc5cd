"""The SQL of parameter sets (年度参数) and of computations and their per-case results."""

from __future__ import annotations

import json

import pandas as pd
import sqlite_utils

from workload_app.storage.rows import fetch_rows, frame, insert_rows, now

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
        (year, version, toml, int(published), reason, now(db), user),
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
    cid = save_computation(db, param_set_id, year, averages, len(results))
    cols = list(RESULT_COLUMNS)
    data = results[cols].astype(object).where(results[cols].notna(), None)
    insert_rows(
        db,
        "case_results",
        ("computation_id", *cols),
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
    from workload_app.storage import repository  # imported here: repository imports this module

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
            repository.cases_version(db),
            now(db),
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
