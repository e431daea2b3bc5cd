"""The SQL of quota plans and personnel overrides, import header-mapping profiles and the
integrity supervisor's approvals."""

from __future__ import annotations

import json

import sqlite_utils

from workload_app.core.quota_plan import QuotaPlan
from workload_app.storage.rows import fetch_rows, now

# ---------------------------------------------------------------- quota plans, overrides, profiles


def insert_quota_plan(
    db: sqlite_utils.Database, year: int, from_month: int, reason: str, user: str, plan: QuotaPlan | dict
) -> int:
    """Store a new plan version of the year; the plan as ``QuotaPlan.to_dict`` JSON."""
    if isinstance(plan, dict):
        plan = QuotaPlan.from_dict(plan)
    row = db.conn.execute(
        "SELECT COALESCE(MAX(version), 0) FROM quota_plans WHERE year = ?", (year,)
    ).fetchone()
    cur = db.conn.execute(
        "INSERT INTO quota_plans (year, version, from_month, reason, created_at, created_by, plan) VALUES (?,?,?,?,?,?,?)",
        (
            year,
            int(row[0]) + 1,
            from_month,
            reason,
            now(db),
            user,
            json.dumps(plan.to_dict(), ensure_ascii=False),
        ),
    )
    return int(cur.lastrowid)


def quota_plans(db: sqlite_utils.Database, year: int) -> list[dict]:
    """The year's plan versions, oldest first; ``plan``: the stored plan read as ``QuotaPlan``, as its dict."""
    return [{**r, "plan": r["plan"].to_dict()} for r in quota_plan_versions(db, year)]


def quota_plan_versions(db: sqlite_utils.Database, year: int) -> list[dict]:
    """The year's plan versions, oldest first, each with its ``plan`` as a ``QuotaPlan``."""
    rows = fetch_rows(db, "SELECT * FROM quota_plans WHERE year = ? ORDER BY version", (year,))
    for r in rows:
        r["plan"] = QuotaPlan.from_dict(json.loads(r["plan"]))
    return rows


def insert_override(
    db: sqlite_utils.Database, year: int, judge_id: int, quota: float, reason: str, user: str
) -> None:
    db.conn.execute(
        "INSERT INTO quota_overrides (year, judge_id, quota, reason, created_at, created_by) VALUES (?,?,?,?,?,?)",
        (year, judge_id, quota, reason, now(db), user),
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
