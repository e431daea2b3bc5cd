"""The program's own schema (SQLite), built fresh from the migration files: what a database's
schema is compared against (``audit verify``), and what a restore copies a backup's rows into.

A backup is a file anyone may have edited: its own triggers (one that multiplies a judge's
results at every computation), append-only triggers rewritten to do nothing, views, indexes or
tables. A restore therefore never takes the backup's schema: it applies our migrations to a
fresh private file up to the backup's version, copies each of our tables' rows from the backup
(columns by name, under our constraints), and the caller then migrates the copy up to this
program's version. What the backup carried beyond rows is reported, never kept.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from workload_app.core.problems import WorkloadError
from workload_app.storage.backups import private_dir, remove_stale_partials
from workload_app.storage.migrations import MIGRATIONS, apply_migrations, schema_version

SchemaObjects = dict[tuple[str, str], tuple[str, str]]  # (type, name) -> (table, normalised SQL)
APPEND_ONLY = ("audit_log_no_update", "audit_log_no_delete")


def normalised(sql: str) -> str:
    """A definition as compared: whitespace runs collapsed, no trailing semicolon."""
    return " ".join(sql.split()).removesuffix(";").rstrip()


def objects(conn: sqlite3.Connection, schema: str = "main") -> SchemaObjects:
    """Every table, index, trigger and view of ``schema`` that has a definition (SQLite's own
    ``sqlite_*`` objects and automatic indexes aside)."""
    rows = conn.execute(
        f"SELECT type, name, tbl_name, sql FROM {schema}.sqlite_master"  # noqa: S608 - main or backup
        " WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ).fetchall()
    return {(kind, name): (table, normalised(sql)) for kind, name, table, sql in rows}


@functools.lru_cache(maxsize=8)
def own_objects(version: int) -> SchemaObjects:
    """The schema our migrations build up to ``version``, built once per process in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        apply_migrations(sqlite_utils.Database(conn), upto=version)
        return objects(conn)
    finally:
        conn.close()


def own_versions(upto: int) -> list[int]:
    return [v for v, _, _ in MIGRATIONS if v <= upto]


@dataclass(frozen=True)
class Difference:
    """One object where a schema departs from ours: ``extra``, ``changed`` or ``missing``."""

    kind: str
    type: str
    name: str
    table: str

    def __str__(self) -> str:
        where = f"（{self.table}）" if self.table and self.table != self.name else ""
        return f"{self.kind} {self.type} {self.name}{where}"


def differences(found: SchemaObjects, version: int) -> list[Difference]:
    """What ``found`` has that our schema at ``version`` has not, has otherwise, or lacks."""
    own = own_objects(version)
    out = []
    for key in sorted(set(found) | set(own)):
        kind = "extra" if key not in own else "missing" if key not in found else None
        if kind is None and found[key][1] != own[key][1]:
            kind = "changed"
        if kind:
            out.append(Difference(kind, key[0], key[1], (found.get(key) or own[key])[0]))
    return out


def database_differences(conn: sqlite3.Connection) -> list[Difference]:
    """Where the open database's schema departs from ours at its recorded version."""
    return differences(objects(conn), schema_version(conn))


def append_only_problems(conn: sqlite3.Connection) -> list[str]:
    """The audit table's protection as it should be: our two triggers, each exactly as our schema
    defines it, and no other trigger on the table. Returns the names of those missing or changed,
    then any other trigger on the audit table."""
    own = own_objects(schema_version(conn))
    found = objects(conn)
    bad = [name for name in APPEND_ONLY if found.get(("trigger", name)) != own.get(("trigger", name))]
    others = sorted(
        name
        for (kind, name), (table, _) in found.items()
        if kind == "trigger" and table == "audit_log" and name not in APPEND_ONLY
    )
    return bad + others


# ---------------------------------------------------------------- a backup's rows in our schema


@dataclass(frozen=True)
class Rebuilt:
    path: Path  # the private working file, our schema at the backup's version, the backup's rows
    version: int
    ignored: tuple[str, ...]  # what the backup's schema had that ours has not (or otherwise)
    rows: int


def rebuild(source: Path, folder: Path, version: int) -> Rebuilt:
    """Copy the rows of the (checked) backup ``source`` at schema ``version`` into a new private
    file in ``folder`` built from our migrations up to that version. Rows our constraints refuse
    (NOT NULL, CHECK, UNIQUE, a reference to a missing row) refuse the whole restore, naming the
    table and the row; nothing else is touched."""
    remove_stale_partials(private_dir(folder))
    fd, name = tempfile.mkstemp(dir=folder, prefix=f"{os.getpid()}-", suffix=".partial")  # 0600
    os.close(fd)
    work = Path(name)
    conn = sqlite3.connect(work, isolation_level=None, uri=True)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA trusted_schema = OFF")  # nothing in the backup's schema runs functions
        apply_migrations(sqlite_utils.Database(conn), upto=version)
        conn.execute("ATTACH DATABASE ? AS backup", (f"{Path(source).resolve().as_uri()}?mode=ro",))
        try:
            found = objects(conn, "backup")
            _check_versions(conn, source, version)
            ignored = tuple(str(d) for d in differences(found, version) if d.kind != "missing")
            n = _copy_rows(conn, source, found, version)
        finally:
            conn.execute("DETACH DATABASE backup")
        conn.execute("PRAGMA journal_mode = DELETE")  # the file alone holds everything
    except BaseException:
        conn.close()
        for leftover in (work, Path(f"{work}-journal"), Path(f"{work}-wal"), Path(f"{work}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    conn.close()
    return Rebuilt(work, version, ignored, n)


def _check_versions(conn: sqlite3.Connection, source: Path, version: int) -> None:
    """The backup recorded exactly our migrations up to its version (none we do not know)."""
    recorded = sorted(r[0] for r in conn.execute("SELECT version FROM backup.schema_migrations"))
    if recorded != own_versions(version):
        raise WorkloadError(
            "backup.unknown_versions", file=Path(source).name, versions=", ".join(map(str, recorded))
        )


def _tables(conn: sqlite3.Connection) -> list[str]:
    """Our tables in creation order; those our own triggers write into come last, so the backup's
    rows replace what the triggers wrote while the other tables were copied."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            " ORDER BY rowid"
        )
    ]
    written = set()
    for (sql,) in conn.execute("SELECT sql FROM main.sqlite_master WHERE type = 'trigger'"):
        body = sql.split("BEGIN", 1)[-1]
        written |= set(re.findall(r'(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|DELETE\s+FROM|UPDATE)\s+"?(\w+)', body))
    return [t for t in names if t not in written] + [t for t in names if t in written]


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def _copy_rows(conn: sqlite3.Connection, source: Path, found: SchemaObjects, version: int) -> int:
    total = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("PRAGMA defer_foreign_keys = ON")  # references are checked once, at the end
        for table in _tables(conn):
            if ("table", table) not in found:
                raise WorkloadError("backup.not_a_table", file=Path(source).name, table=table)
            theirs = set(_columns(conn, "backup", table))
            cols = [c for c in _columns(conn, "main", table) if c in theirs]
            if conn.execute(f'SELECT 1 FROM main."{table}" LIMIT 1').fetchone():
                conn.execute(f'DELETE FROM main."{table}"')  # seeded by a migration or a trigger
            listed = ", ".join(f'"{c}"' for c in cols)
            try:
                cur = conn.execute(
                    f'INSERT INTO main."{table}" ({listed}) SELECT {listed} FROM backup."{table}"'
                )
            except sqlite3.IntegrityError as exc:
                raise _bad_row(conn, source, table, cols, exc) from exc
            total += max(cur.rowcount, 0)
        dangling = conn.execute("PRAGMA main.foreign_key_check").fetchone()
        if dangling is not None:
            table, rowid, parent, _ = dangling
            raise WorkloadError(
                "backup.dangling_row",
                file=Path(source).name,
                table=table,
                row=f"rowid = {rowid}" if rowid is not None else "—",
                parent=parent,
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return total


def _bad_row(
    conn: sqlite3.Connection, source: Path, table: str, cols: list[str], exc: sqlite3.IntegrityError
) -> WorkloadError:
    """Find the first row the table refuses, one row at a time, to name it."""
    keys = [
        r[1] for r in sorted(conn.execute(f'PRAGMA main.table_info("{table}")'), key=lambda r: r[5]) if r[5]
    ]
    listed = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    detail = str(exc)
    conn.execute("SAVEPOINT find_row")
    try:
        for position, row in enumerate(conn.execute(f'SELECT {listed} FROM backup."{table}"').fetchall(), 1):
            try:
                conn.execute(f'INSERT INTO main."{table}" ({listed}) VALUES ({marks})', row)
            except sqlite3.IntegrityError as one:
                values = dict(zip(cols, row, strict=True))
                label = ", ".join(f"{k} = {values.get(k)}" for k in keys) if keys else f"#{position}"
                return WorkloadError(
                    "backup.bad_row", file=Path(source).name, table=table, row=label, detail=str(one)
                )
    finally:
        conn.execute("ROLLBACK TO find_row")
        conn.execute("RELEASE find_row")
    return WorkloadError("backup.bad_row", file=Path(source).name, table=table, row="—", detail=detail)
