"""Moving a court's SQLite file onto a set-up court server (``server move-from``): the tables' rows
by COPY with the server's column types, the accounts as login roles with first passwords, the
file's audit trail through the server's own checking function, the sequences after the copy."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from workload_app.core import messages
from workload_app.core.problems import WorkloadError
from workload_app.storage.migrations import (
    MIGRATIONS,
    schema_version,
)
from workload_app.storage.pg import ServerDatabase
from workload_app.storage.server_admin import (
    SERVER_MARKER,
    _role_exists,
    create_login,
    login_problem,
    set_login_enabled,
)


@dataclass
class MoveReport:
    counts: dict[str, int] = field(default_factory=dict)  # table -> rows moved
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # login, role, initial password


def sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name <> 'schema_migrations' ORDER BY name"
        )
    ]


def server_tables(db: ServerDatabase) -> list[str]:
    """The schema's tables in creation order (referenced tables before those referring to them)."""
    rows = db.conn.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"
        " AND relname NOT IN ('schema_migrations', 'write_lock', 'server_settings', 'audit_marks',"
        " 'pending_changes') ORDER BY oid"  # the server's own bookkeeping (version 19)
    ).fetchall()
    return [r[0] for r in rows]


def _columns(db: ServerDatabase, table: str) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in db.conn.execute(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        ).fetchall()
    ]


def _converter(data_type: str) -> Callable[[object], object]:
    if data_type in ("bigint", "integer", "smallint"):
        return lambda v: int(v) if isinstance(v, float) and v.is_integer() else v
    if data_type == "text":
        return lambda v: v if v is None or isinstance(v, str) else str(v)
    return lambda v: v


def open_source(path: Path) -> sqlite3.Connection:
    """The court's file, read only; refused unless it is at this program's schema version."""
    if not Path(path).is_file():
        raise WorkloadError("server.move_no_file", path=str(path))
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = schema_version(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise WorkloadError("server.move_not_db", path=str(path)) from exc
    latest = max(v for v, _, _ in MIGRATIONS)
    if found != latest:
        conn.close()
        raise WorkloadError("server.move_old_file", path=str(path), found=found, latest=latest)
    return conn


def source_accounts(conn: sqlite3.Connection) -> list[dict]:
    cur = conn.execute("SELECT id, login, role, active FROM users ORDER BY id")
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur]


def server_has_data(db: ServerDatabase) -> WorkloadError | None:
    """Why the server cannot take a court's file (it already holds one), or None."""
    cases = db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    if cases:
        return WorkloadError("server.move_has_cases", count=cases)
    audit = db.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    if audit:
        return WorkloadError("server.move_has_audit", count=audit)
    return None


def _rows(conn: sqlite3.Connection, table: str, columns: list[str], converters) -> Iterator[tuple]:
    quoted = ", ".join("rowid" if c == "rowid" else f'"{c}"' for c in columns)
    order = " ORDER BY rowid" if "rowid" in columns else ""  # WITHOUT ROWID tables have none
    cur = conn.execute(f'SELECT {quoted} FROM "{table}"{order}')  # noqa: S608 - names from the schemas
    while batch := cur.fetchmany(5000):
        for row in batch:
            yield tuple(f(v) for f, v in zip(converters, row, strict=True))


def move_tables(
    source: sqlite3.Connection,
    db: ServerDatabase,
    mover: str,
    passwords: Callable[[str], str],
) -> MoveReport:
    """Copy every table of ``source`` into the server, ids kept (COPY through a temporary table:
    COPY FROM is refused on tables under row-level security), the sequences moved past them, and
    each account as a login role with an initial password (``passwords(login)``) it must change.
    The mover (an admin login) keeps its own account. The caller holds the transaction."""
    from psycopg import sql

    raw = db.conn.raw
    report = MoveReport()
    here = server_tables(db)
    there = set(sqlite_tables(source))
    unknown = sorted(there - set(here))
    if unknown:
        raise WorkloadError("server.move_unknown_tables", tables=messages.words(unknown))
    accounts = [a for a in source_accounts(source) if a["login"] != mover]
    bad = [a["login"] for a in accounts if login_problem(a["login"])]
    if bad:
        raise WorkloadError("server.move_bad_logins", logins=messages.Listing(bad))
    taken = [a["login"] for a in accounts if _role_exists(raw, a["login"])]
    if taken:
        raise WorkloadError("server.move_logins_taken", logins=messages.words(taken))
    file_users = {r[0]: r[1] for r in source.execute("SELECT login, id FROM users")}
    top = max([0, *file_users.values()])
    # the mover's own row moves out of the way of the file's ids, and stays until the end
    db.conn.execute("UPDATE users SET id = ? WHERE login = ?", (top + 1, mover))
    for table in reversed(here):
        if table == "users":
            db.conn.execute("DELETE FROM users WHERE login <> ?", (mover,))
        elif table != "audit_log":
            db.conn.execute(f"DELETE FROM {table}")  # noqa: S608 - a table of the schema
    for table in here:
        if table not in there:
            continue
        src_cols = {r[1] for r in source.execute(f'PRAGMA table_info("{table}")')}
        cols = [(c, t) for c, t in _columns(db, table) if c in src_cols or c == "id"]
        names = [c for c, _ in cols]
        read = ["rowid" if c == "id" and "id" not in src_cols else c for c in names]
        converters = [_converter(t) for _, t in cols]
        rows = _rows(source, table, read, converters)
        if table == "users":
            rows = _moved_users(rows, names, mover)
        if table == "audit_log":  # the trail is the server's: it checks the file's chain and takes it whole
            report.counts[table] = _move_audit_trail(db, [dict(zip(names, r, strict=True)) for r in rows])
            continue
        if table == "meta":  # the chain's head is the server's (set with the trail)
            rows = (r for r in rows if r[names.index("key")] != "audit_head")
        if table == "year_versions":  # the cases' triggers counted while copying: the file's counts win
            db.conn.execute("DELETE FROM year_versions")
        temp = sql.Identifier(f"move_{table}")
        target = sql.Identifier(table)
        col_list = sql.SQL(", ").join(sql.Identifier(c) for c in names)
        raw.execute(sql.SQL("CREATE TEMPORARY TABLE {} (LIKE {}) ON COMMIT DROP").format(temp, target))
        n = 0
        with raw.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(temp, col_list)) as copy:
            for row in rows:
                copy.write_row(row)
                n += 1
        raw.execute(sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {}").format(target, col_list, col_list, temp))
        raw.execute(sql.SQL("DROP TABLE {}").format(temp))
        report.counts[table] = n
    if mover in file_users:  # the file's own account of the mover: its id, the mover stays 管理员
        db.conn.execute(
            "UPDATE users SET id = ?, role = 'admin', active = 1 WHERE login = ?", (file_users[mover], mover)
        )
    _reset_sequences(db)
    for account in accounts:
        password = passwords(account["login"])
        create_login(db, account["login"], account["role"], password)
        if not account["active"]:
            set_login_enabled(db, account["login"], False)
        report.accounts.append((account["login"], account["role"], password))
    return report


def _move_audit_trail(db: ServerDatabase, rows: list[dict]) -> int:
    """The file's audit rows, ids and hashes kept, through the server's function (管理员 only,
    into an empty trail, every link checked as ``audit verify`` checks it)."""
    import json

    import psycopg

    try:
        db.conn.execute("SELECT workload_move_audit_trail(?)", (json.dumps(rows, ensure_ascii=False),))
    except psycopg.errors.DataException as exc:
        raise WorkloadError("server.move_audit_broken", detail=exc.diag.message_primary or "") from exc
    return len(rows)


def _moved_users(rows: Iterator[tuple], names: list[str], mover: str) -> Iterator[tuple]:
    i_login, i_hash, i_must = names.index("login"), names.index("password_hash"), names.index("must_change")
    for row in rows:
        if row[i_login] == mover:
            continue
        out = list(row)
        out[i_hash] = SERVER_MARKER
        out[i_must] = 1
        yield tuple(out)


def _reset_sequences(db: ServerDatabase) -> None:
    from psycopg import sql

    raw = db.conn.raw
    for table, column in raw.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%%'"
    ).fetchall():
        raw.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence({}, {}), COALESCE(MAX({}), 0) + 1, false) FROM {}"
            ).format(sql.Literal(table), sql.Literal(column), sql.Identifier(column), sql.Identifier(table))
        )
