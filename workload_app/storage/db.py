"""Opening the store: where the user's database lives, pragmas, the version guard, backups.

A database written by a newer program is refused before anything touches it; an older one is
backed up first (SQLite online backup, see ``backups``) and then upgraded by the migrations.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils
from platformdirs import user_data_dir

from workload_app.core.problems import WorkloadError
from workload_app.storage.backups import backup_file
from workload_app.storage.migrations import MIGRATIONS, apply_migrations, schema_version

APP_NAME = "workload-app"
BUSY_TIMEOUT_MS = 10_000


class DatabaseTooNew(WorkloadError):
    """The file was written by a newer version of the program."""


def default_db_path() -> Path:
    """$WORKLOAD_DB, else workload.sqlite in the user's data directory (never the install folder)."""
    env = os.environ.get("WORKLOAD_DB")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "workload.sqlite"


def latest_version() -> int:
    return max(v for v, _, _ in MIGRATIONS)


def _peek_version(path: Path) -> int:
    """The schema version of an existing file, read without changing it."""
    uri = f"file:{path}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        return schema_version(conn)
    finally:
        conn.close()


def open_db(path: Path | str | None = None, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) and upgrade a database; refuse one newer than this program."""
    path = Path(path) if path is not None else default_db_path()
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        try:
            found = _peek_version(path)
        except sqlite3.DatabaseError as exc:
            raise WorkloadError(f"「{path}」不是本程序的数据库文件或已损坏：{exc}") from exc
        if found > latest_version():
            raise DatabaseTooNew(
                f"数据库「{path}」由较新版本的程序创建（结构版本 {found}，本程序支持到 {latest_version()}），"
                "为保护数据未作任何改动。请升级程序后再打开。"
            )
        if migrate and 0 < found < latest_version():
            backup_file(path, f"before-v{latest_version()}", keep=10**6)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    db = sqlite_utils.Database(conn)
    if migrate:
        apply_migrations(db)
    return db
