"""The audit log table (audit_log): append a row, read the chain, filter for display. The table's
triggers refuse UPDATE and DELETE; the hash chain itself is built in ``core.audit_chain``."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import sqlite_utils

from workload_app.storage.repository import frame


def audit_head(db: sqlite_utils.Database) -> tuple[int, str] | None:
    row = db.conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return (int(row[0]), row[1]) if row else None


def insert_audit(db: sqlite_utils.Database, row: dict) -> None:
    db.conn.execute(
        """INSERT INTO audit_log (id, at, user, role, action, target, before, after, prev_hash, hash)
           VALUES (:id, :at, :user, :role, :action, :target, :before, :after, :prev_hash, :hash)""",
        row,
    )


def audit_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    cur = db.conn.execute(
        "SELECT id, at, user, role, action, target, before, after, prev_hash, hash FROM audit_log ORDER BY id"
    )
    cols = [c[0] for c in cur.description]
    for r in cur:
        yield dict(zip(cols, r, strict=True))


def audit_frame(
    db: sqlite_utils.Database,
    *,
    user: str | None = None,
    action: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
) -> pd.DataFrame:
    where, params = [], {}
    if user:
        where.append("user = :user")
        params["user"] = user
    if action:
        where.append("action = :action")
        params["action"] = action
    if since:
        where.append("at >= :since")
        params["since"] = since
    if until:
        where.append("at < :until")
        params["until"] = until
    if text:
        where.append("(target LIKE :text OR before LIKE :text OR after LIKE :text)")
        params["text"] = f"%{text}%"
    sql = "SELECT id, at, user, role, action, target, before, after, hash FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return frame(db, sql + " ORDER BY id DESC", params)
