"""The roster as the window edits it: judges, and their moves between divisions (division_moves).
Callers hold a transaction for writes."""

from __future__ import annotations

import sqlite_utils

from workload_app.storage.repository import fetch_rows, now

Database = sqlite_utils.Database  # what services hold (they import no SQL library)

JUDGE_SELECT = """SELECT j.id, j.name, d.name AS division, j.role AS post, j.track, j.in_post_from, j.in_post_to
    FROM judges j LEFT JOIN divisions d ON d.id = j.division_id"""
# The judges table keeps the post (职务) in its column ``role`` (migration 1): read as ``post`` above,
# written from ``post`` below; callers never see the column's name.


def judges(db: sqlite_utils.Database) -> list[dict]:
    return fetch_rows(db, JUDGE_SELECT + " ORDER BY d.id, j.id")


def judge(db: sqlite_utils.Database, name: str) -> dict | None:
    rows = fetch_rows(db, JUDGE_SELECT + " WHERE j.name = ?", (name,))
    return rows[0] if rows else None


def division_names(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.conn.execute("SELECT name FROM divisions ORDER BY id")]


def division_id(db: sqlite_utils.Database, name: str) -> int | None:
    row = db.conn.execute("SELECT id FROM divisions WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else None


def insert_judge(db: sqlite_utils.Database, values: dict) -> int:
    cur = db.conn.execute(
        "INSERT INTO judges (name, division_id, role, track, in_post_from, in_post_to) VALUES (?, ?, ?, ?, ?, ?)",
        (
            values["name"],
            values["division_id"],
            values["post"],
            values["track"],
            values.get("in_post_from"),
            values.get("in_post_to"),
        ),
    )
    return int(cur.lastrowid)


def update_judge(db: sqlite_utils.Database, judge_id: int, **fields: object) -> None:
    allowed = {"post", "track", "in_post_from", "in_post_to", "division_id"}
    if not fields or set(fields) - allowed:
        raise ValueError(f"fields {sorted(fields)}")
    fields = {("role" if k == "post" else k): v for k, v in fields.items()}
    sets = ", ".join(f"{k} = ?" for k in fields)
    db.conn.execute(f"UPDATE judges SET {sets} WHERE id = ?", (*fields.values(), judge_id))


def moves(db: sqlite_utils.Database, judge_id: int | None = None) -> list[dict]:
    """Moves oldest first: judge, from_date, division, from_division (names)."""
    where = "WHERE m.judge_id = ?" if judge_id is not None else ""
    return fetch_rows(
        db,
        f"""SELECT j.name AS judge, m.judge_id, m.from_date, d.name AS division, f.name AS from_division,
                   m.recorded_by, m.recorded_at
            FROM division_moves m JOIN judges j ON j.id = m.judge_id
            JOIN divisions d ON d.id = m.division_id LEFT JOIN divisions f ON f.id = m.from_division_id
            {where} ORDER BY m.judge_id, m.from_date""",
        (judge_id,) if judge_id is not None else (),
    )


def insert_move(
    db: sqlite_utils.Database,
    judge_id: int,
    from_date: str,
    division_id: int,
    from_division_id: int | None,
    who: str,
) -> None:
    db.conn.execute(
        """INSERT INTO division_moves (judge_id, from_date, division_id, from_division_id, recorded_by, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (judge_id, from_date, division_id, from_division_id, who, now(db)),
    )


def linked_judge_ids(db: sqlite_utils.Database) -> set[int]:
    """Judges that already have an account."""
    return {int(r[0]) for r in db.conn.execute("SELECT judge_id FROM users WHERE judge_id IS NOT NULL")}


def logins(db: sqlite_utils.Database) -> set[str]:
    return {r[0] for r in db.conn.execute("SELECT login FROM users")}
