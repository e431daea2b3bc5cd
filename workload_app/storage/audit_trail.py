"""The audit log table (audit_log): append a row, read the chain, filter for display. The table's
triggers refuse UPDATE and DELETE; the hash chain itself is built in ``core.audit_chain``."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import sqlite_utils

from workload_app.storage.dialect import dialect_of
from workload_app.storage.repository import get_meta
from workload_app.storage.rows import fetch_rows, frame


def audit_head(db: sqlite_utils.Database) -> tuple[int, str] | None:
    if _server_head(db):  # a 法官's login reads no audit row, yet chains onto the last one
        row = db.conn.execute("SELECT id, hash FROM workload_audit_head()").fetchone()
    else:
        row = db.conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return (int(row[0]), row[1]) if row else None


def _server_head(db: sqlite_utils.Database) -> bool:
    """A set-up court server (roles.sql applied) gives the chain's head through a function."""
    known = getattr(db, "_workload_audit_head", None)
    if known is None:
        known = dialect_of(db).has_function(db.conn, "workload_audit_head()")
        db._workload_audit_head = known
    return known


def server_writes_trail(db: sqlite_utils.Database) -> bool:
    """A court server at version 19 or later: its function ``workload_audit`` writes the rows."""
    known = getattr(db, "_workload_audit_fn", None)
    if known is None:
        known = dialect_of(db).has_function(db.conn, "workload_audit(text, text, text, text)")
        db._workload_audit_fn = known
    return known


def append_on_server(
    db: sqlite_utils.Database, action: str, target: str, before: str | None, after: str | None
) -> int:
    """One audit row written by the server (inside the caller's transaction); the trail held by
    another login past the server's wait is the store's "busy" refusal."""
    import psycopg

    from workload_app.storage.errors import DatabaseBusy

    try:
        row = db.conn.execute("SELECT workload_audit(?, ?, ?, ?)", (action, target, before, after)).fetchone()
    except psycopg.errors.LockNotAvailable as exc:
        raise DatabaseBusy("db.busy") from exc
    return int(row[0])


def insert_audit(db: sqlite_utils.Database, row: dict) -> None:
    db.conn.execute(
        """INSERT INTO audit_log (id, at, "user", role, action, target, before, after, prev_hash, hash)
           VALUES (:id, :at, :user, :role, :action, :target, :before, :after, :prev_hash, :hash)""",
        row,
    )


def insert_verbatim(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """Append rows of another copy of this trail with their own ids and hashes (a restore carries
    the rows written after the backup); the caller checked they continue this chain."""
    for row in rows:
        insert_audit(db, row)


def write_rows_file(path: Path, rows: list[dict]) -> Path:
    """Keep audit rows in a JSON-lines file (owner-only), e.g. beside a database being replaced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def check_file(db: sqlite_utils.Database) -> None:
    """SQLite's own check of the whole file (quick_check); a damaged file is a clear error."""
    from workload_app.storage.backups import database_path
    from workload_app.storage.db import DatabaseFileError

    if dialect_of(db).check_integrity(db) != "ok":
        raise DatabaseFileError("corrupt", database_path(db))


def missing_triggers(db: sqlite_utils.Database) -> list[str]:
    """Which of the append-only triggers of the audit table are gone or no longer refuse: in the
    file, each compared by its definition with our schema's (a trigger rewritten ``WHEN 0`` keeps
    its name but not its text), and any other trigger on the audit table named beside them."""
    if not dialect_of(db).keeps_a_file:
        return _missing_server_triggers(db)
    from workload_app.storage.own_schema import append_only_problems

    return append_only_problems(db.conn)


def schema_changes(db: sqlite_utils.Database) -> list[str]:
    """Where the file's schema departs from the one our migrations build at its version (an
    object added, changed or removed by another tool), the audit table's triggers aside (those
    are ``missing_triggers``'). Nothing on the court server, whose schema its owner keeps."""
    if not dialect_of(db).keeps_a_file:
        return []
    from workload_app.storage.own_schema import database_differences

    return [
        str(d) for d in database_differences(db.conn) if not (d.type == "trigger" and d.table == "audit_log")
    ]


def recorded_head(db: sqlite_utils.Database) -> str | None:
    """The newest row's ``id:hash`` as recorded apart from the rows (meta.audit_head)."""
    return get_meta(db, "audit_head")


def _missing_server_triggers(db) -> list[str]:
    """On the server: the two triggers on audit_log, enabled, calling the function that raises."""
    found = {
        name: (enabled, body or "")
        for name, enabled, body in db.conn.execute(
            """SELECT t.tgname, t.tgenabled, p.prosrc FROM pg_trigger t
               JOIN pg_class c ON c.oid = t.tgrelid LEFT JOIN pg_proc p ON p.oid = t.tgfoid
               WHERE c.relname = 'audit_log' AND NOT t.tgisinternal"""
        ).fetchall()
    }
    missing = []
    for name in ("audit_log_no_update", "audit_log_no_delete"):
        enabled, body = found.get(name, ("D", ""))
        if enabled == "D" or "RAISE EXCEPTION" not in " ".join(body.upper().split()):
            missing.append(name)
    return missing


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def audit_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    """Every row in id order. Text that is not valid UTF-8 (bytes edited in the file) is read
    with replacement characters, so the row's hash no longer matches instead of the read failing."""
    conn = db.conn
    if not dialect_of(db).keeps_a_file:  # the server keeps text valid UTF-8: nothing to read leniently
        return _rows(conn)
    saved = conn.text_factory
    conn.text_factory = _lenient_text
    try:
        cur = conn.execute(
            'SELECT id, at, "user", role, action, target, before, after, prev_hash, hash FROM audit_log ORDER BY id'
        )
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r, strict=True)) for r in cur]
    finally:
        conn.text_factory = saved
    return iter(rows)


def _rows(conn) -> Iterator[dict]:
    cur = conn.execute(
        'SELECT id, at, "user", role, action, target, before, after, prev_hash, hash FROM audit_log ORDER BY id'
    )
    cols = [c[0] for c in cur.description]
    return iter([dict(zip(cols, r, strict=True)) for r in cur])


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
        where.append('"user" = :user')
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
    sql = 'SELECT id, at, "user", role, action, target, before, after, hash FROM audit_log'
    if where:
        sql += " WHERE " + " AND ".join(where)
    return frame(db, sql + " ORDER BY id DESC", params)


# Audit rows that record no change to the court's data (a restore carries the trail over anyway).
NOT_CHANGES = ("user.login", "user.logout", "user.login_failed", "user.locked", "backup.create")


def changes_after(db: sqlite_utils.Database, after_id: int, latest: int = 5) -> tuple[int, list[dict]]:
    """How many changes the trail records after row ``after_id``, and which: the first of them
    and the ``latest`` newest, in order (id, at, user, action, target)."""
    skip = ",".join("?" * len(NOT_CHANGES))
    where = f"WHERE id > ? AND action NOT IN ({skip})"
    params = (after_id, *NOT_CHANGES)
    count = db.conn.execute(f"SELECT COUNT(*) FROM audit_log {where}", params).fetchone()[0]
    cols = 'id, at, "user", action, target'
    first = fetch_rows(db, f"SELECT {cols} FROM audit_log {where} ORDER BY id LIMIT 1", params)
    newest = fetch_rows(
        db, f"SELECT {cols} FROM audit_log {where} ORDER BY id DESC LIMIT ?", (*params, latest)
    )
    rows = {r["id"]: r for r in [*first, *newest]}
    return int(count), [rows[i] for i in sorted(rows)]
