"""What a roster import changed (table roster_history), and putting the roster back.

Each batch records, per judge it created or changed, the judge's row before (NULL: created),
and the divisions it created. Undoing restores the changed judges and removes the created ones,
unless something refers to them by then (cases, accounts, quotas…): then nothing is undone."""

from __future__ import annotations

import json

import sqlite_utils

from workload_app.storage.dialect import dialect_of
from workload_app.storage.repository import now

JUDGE_FIELDS = ("name", "division_id", "role", "track", "in_post_from", "in_post_to")


def judge_row(db: sqlite_utils.Database, name: str) -> dict | None:
    cols = ", ".join(("id", *JUDGE_FIELDS))
    row = db.conn.execute(f"SELECT {cols} FROM judges WHERE name = ?", (name,)).fetchone()
    return dict(zip(("id", *JUDGE_FIELDS), row, strict=True)) if row else None


def division_ids(db: sqlite_utils.Database) -> set[int]:
    return {int(r[0]) for r in db.conn.execute("SELECT id FROM divisions")}


def record(db: sqlite_utils.Database, batch_id: int, kind: str, row_id: int, before: dict | None) -> None:
    db.conn.execute(
        "INSERT INTO roster_history (batch_id, kind, row_id, before) VALUES (?, ?, ?, ?)",
        (batch_id, kind, row_id, json.dumps(before, ensure_ascii=False) if before is not None else None),
    )


def history(db: sqlite_utils.Database, batch_id: int) -> list[dict]:
    # in the order written: SQLite's rowid, the server's id (the table has no id on SQLite)
    order = dialect_of(db).insertion_order
    cur = db.conn.execute(
        f"SELECT kind, row_id, before FROM roster_history WHERE batch_id = ? ORDER BY {order}", (batch_id,)
    )
    return [
        {"kind": k, "row_id": int(i), "before": json.loads(b) if b is not None else None} for k, i, b in cur
    ]


def later_batches_touching(db: sqlite_utils.Database, batch_id: int, judge_ids: list[int]) -> list[int]:
    """Later roster batches, not undone, that changed or created one of these judges."""
    if not judge_ids:
        return []
    marks = ",".join("?" * len(judge_ids))
    rows = db.conn.execute(
        f"""SELECT DISTINCT h.batch_id FROM roster_history h
            JOIN import_batches b ON b.id = h.batch_id AND b.undone_at IS NULL
            WHERE h.batch_id > ? AND h.kind = 'judge' AND h.row_id IN ({marks}) ORDER BY h.batch_id""",
        (batch_id, *judge_ids),
    ).fetchall()
    return [int(r[0]) for r in rows]


def references(db: sqlite_utils.Database, table: str, row_id: int, *, ignore: tuple[str, ...] = ()) -> dict:
    """{referring table: rows} for every table with a foreign key to ``table`` pointing at ``row_id``."""
    found: dict[str, int] = {}
    for other, column in _foreign_keys_to(db, table):
        if other in ignore:
            continue
        n = db.conn.execute(f'SELECT COUNT(*) FROM "{other}" WHERE "{column}" = ?', (row_id,)).fetchone()[0]
        if n:
            found[other] = found.get(other, 0) + int(n)
    return found


def _foreign_keys_to(db: sqlite_utils.Database, table: str) -> list[tuple[str, str]]:
    """(table, column) of every foreign key pointing at ``table``."""
    return dialect_of(db).foreign_keys_to(db.conn, table)


def name_of(db: sqlite_utils.Database, table: str, row_id: int) -> str:
    row = db.conn.execute(f"SELECT name FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return row[0] if row else f"#{row_id}"


def restore_judge(db: sqlite_utils.Database, judge_id: int, before: dict) -> None:
    sets = ", ".join(f"{f} = ?" for f in JUDGE_FIELDS)
    db.conn.execute(f"UPDATE judges SET {sets} WHERE id = ?", (*[before[f] for f in JUDGE_FIELDS], judge_id))


def delete_row(db: sqlite_utils.Database, table: str, row_id: int) -> None:
    db.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))


def mark_undone(db: sqlite_utils.Database, batch_id: int) -> None:
    db.conn.execute("UPDATE import_batches SET undone_at = ? WHERE id = ?", (now(db), batch_id))
