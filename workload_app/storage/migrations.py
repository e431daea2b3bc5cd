"""The schema, as numbered migrations; each runs in its own transaction and is recorded. One
runner for both stores (``apply_migrations``): a file's at every open, the court server's at
``workload server setup`` (as the schema's owner); one refusal of a store newer than the program.

The schema itself is SQL, one file per version in ``db/<dialect>/NNNN_name.sql`` (see
``db/README.md``); the file's first line ``-- name: …`` is the name recorded. A step that needs
Python (a data transformation) is a hook in ``HOOKS``, run after that version's SQL in the same
transaction. Never edit a migration that has shipped: add the next number, in both folders.

To add a migration: write ``db/sqlite/NNNN_what.sql`` and ``db/postgresql/NNNN_what.sql`` with
the same next number (the server's first file, 0018, is versions 1-18 in one step; from 19 on the
numbers are shared), each starting ``-- name: …``, the server's in its own types (``BIGINT`` ids,
``DOUBLE PRECISION`` reals). ``tests/server/test_head_schemas.py`` compares the two head schemas
and fails until both files say the same (its deliberate differences are listed there).
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from workload_app.core.problems import WorkloadError
from workload_app.storage.dialect import POSTGRESQL, SQLITE, dialect_of

Migration = Callable[[sqlite_utils.Database], None]
DIALECT = SQLITE.name
_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_NAME = re.compile(r"^--\s*name:\s*(.+?)\s*$")
# SQL files beside the migrations that are not numbered steps: the court server's roles and
# policies, re-applied whole by ``server setup`` (storage/server_admin.py)
NOT_MIGRATIONS = ("roles.sql",)

# Python steps, by version: run after that version's SQL file, in the same transaction.
# None today: every shipped migration is schema only.
HOOKS: dict[int, Migration] = {}


def schema_dir(dialect: str = DIALECT) -> Path:
    """Where the numbered SQL files are: ``db/<dialect>`` inside the desktop bundle (PyInstaller
    unpacks its data files under ``sys._MEIPASS``), else beside the package in the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "db" / dialect
    return Path(__file__).resolve().parents[2] / "db" / dialect


def split_statements(text: str) -> list[str]:
    """The statements of an SQL file, each as written (comment lines between statements dropped;
    a trigger's ``BEGIN … END;`` stays whole)."""
    statements: list[str] = []
    buffer: list[str] = []
    for line in text.splitlines():
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer.append(line)
        joined = "\n".join(buffer)
        if sqlite3.complete_statement(joined):
            statements.append(joined.strip().removesuffix(";").rstrip())
            buffer = []
    if buffer:
        raise ValueError(f"SQL 文件末尾的语句不完整：{buffer[0][:60]}")
    return statements


@dataclass(frozen=True)
class SqlStep:
    """One numbered SQL file, run statement by statement inside the runner's transaction
    (``executescript`` would commit first). A server's file (functions with ``$$`` bodies) goes
    to the server whole, in one round trip, also inside the runner's transaction."""

    path: Path
    statements: tuple[str, ...]

    def __call__(self, db: sqlite_utils.Database) -> None:
        dialect_of(db).run_sql_file(db, self.path, self.statements)


def _with_hook(step: Migration, hook: Migration) -> Migration:
    def run(db: sqlite_utils.Database) -> None:
        step(db)
        hook(db)

    return run


def load_migrations(folder: Path | None = None, dialect: str = DIALECT) -> list[tuple[int, str, Migration]]:
    """Every ``NNNN_name.sql`` in ``folder`` (default: ``dialect``'s), in version order."""
    folder = folder or schema_dir(dialect)
    found: list[tuple[int, str, Migration]] = []
    for path in sorted(folder.glob("*.sql")):
        if path.name in NOT_MIGRATIONS:
            continue
        match = _FILE.match(path.name)
        if match is None:
            raise ValueError(f"结构迁移文件名应为「四位编号_名称.sql」：{path}")
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        name = _NAME.match(first)
        if name is None:
            raise ValueError(f"结构迁移文件的第一行应为「-- name: …」：{path}")
        version = int(match.group(1))
        statements = tuple(split_statements(text)) if dialect == DIALECT else ()
        step: Migration = SqlStep(path, statements)
        if version in HOOKS:
            step = _with_hook(step, HOOKS[version])
        found.append((version, name.group(1), step))
    versions = [v for v, _, _ in found]
    if not found or len(set(versions)) != len(versions):
        raise ValueError(f"结构迁移文件缺失或编号重复：{folder}")
    return found


MIGRATIONS: list[tuple[int, str, Migration]] = load_migrations()
# The court server's (db/postgresql): its first file is the schema at that version in one step.
SERVER_DIALECT = POSTGRESQL.name
SERVER_MIGRATIONS: list[tuple[int, str, Migration]] = load_migrations(dialect=SERVER_DIALECT)


def migrations_for(db: object) -> list[tuple[int, str, Migration]]:
    return SERVER_MIGRATIONS if dialect_of(db) is POSTGRESQL else MIGRATIONS


def latest_for(db: object) -> int:
    """The newest schema version this program knows for ``db``'s store."""
    return max(v for v, _, _ in migrations_for(db))


def schema_version(conn: sqlite3.Connection) -> int:
    """The highest version recorded; 0 for an empty database (either store)."""
    return dialect_of(conn).schema_version(conn)


class SchemaTooNew(WorkloadError):
    """The store was written by a newer version of the program: refused, nothing changed."""


class DatabaseTooNew(SchemaTooNew):
    """The file was written by a newer version of the program."""


def too_new(db: object, found: int, where: str = "") -> SchemaTooNew | None:
    """The one refusal of a store newer than this program (None when it is not): the file's
    (``db.too_new``, naming ``where``) or the court server's (``server.too_new``)."""
    latest = latest_for(db)
    if found <= latest:
        return None
    if dialect_of(db).keeps_a_file:
        return DatabaseTooNew("db.too_new", path=where, found=found, supported=latest)
    return SchemaTooNew("server.too_new", found=found, latest=latest)


def apply_migrations(
    db: sqlite_utils.Database, upto: int | None = None, *, owner: str | None = None
) -> list[int]:
    """Apply every migration not yet recorded (up to ``upto``); return the versions applied.
    ``owner``: the role each step runs as (the court server's schema owner at setup), so that
    what it creates belongs to that role. A store newer than the program is refused untouched."""
    conn = db.conn
    dialect = dialect_of(db)
    refused = too_new(db, schema_version(conn))
    if refused is not None:
        raise refused
    dialect.begin_migration(conn, owner)
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    done = {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}
    applied = []
    for version, name, fn in migrations_for(db):
        if version in done or (upto is not None and version > upto):
            continue
        dialect.begin_migration(conn, owner)
        try:
            fn(db)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, dialect.now(conn)),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
