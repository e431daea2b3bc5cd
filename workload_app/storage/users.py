"""The accounts table (users): reading and writing accounts. Callers hold a transaction."""

from __future__ import annotations

import sqlite_utils

from workload_app.storage.repository import fetch_rows, now

USER_SELECT = """SELECT u.id, u.login, u.display_name, u.role, j.name AS judge,
       COALESCE(d.name, jd.name) AS division, u.password_hash, u.must_change, u.failed_attempts,
       u.locked_until, u.active, u.created_at, u.password_changed_at
    FROM users u
    LEFT JOIN judges j ON j.id = u.judge_id
    LEFT JOIN divisions jd ON jd.id = j.division_id
    LEFT JOIN divisions d ON d.id = u.division_id"""


def users(db: sqlite_utils.Database) -> list[dict]:
    return fetch_rows(db, USER_SELECT + " ORDER BY u.id")


def user_by_login(db: sqlite_utils.Database, login: str) -> dict | None:
    rows = fetch_rows(db, USER_SELECT + " WHERE u.login = ?", (login,))
    return rows[0] if rows else None


def user_count(db: sqlite_utils.Database) -> int:
    return int(db.conn.execute("SELECT COUNT(*) FROM users WHERE active = 1").fetchone()[0])


def insert_user(db: sqlite_utils.Database, user: dict) -> int:
    cur = db.conn.execute(
        """INSERT INTO users (login, display_name, role, judge_id, division_id, password_hash,
               must_change, created_at)
           VALUES (:login, :display_name, :role, :judge_id, :division_id, :password_hash,
               :must_change, :created_at)""",
        {**user, "created_at": now(db)},
    )
    return int(cur.lastrowid)


def update_user(db: sqlite_utils.Database, user_id: int, **fields: object) -> None:
    allowed = {
        "display_name",
        "role",
        "judge_id",
        "division_id",
        "password_hash",
        "must_change",
        "failed_attempts",
        "locked_until",
        "active",
        "password_changed_at",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not user fields: {sorted(unknown)}")
    sets = ", ".join(f"{k} = :{k}" for k in fields)
    db.conn.execute(f"UPDATE users SET {sets} WHERE id = :id", {**fields, "id": user_id})  # noqa: S608


def division_id(db: sqlite_utils.Database, name: str) -> int | None:
    row = db.conn.execute("SELECT id FROM divisions WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else None
