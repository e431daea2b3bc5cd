"""Opening and closing the court's database: the window's and the command line's one door to
the store (they never import ``storage``). The store's own errors are re-exported here, so that
callers can name them: ``DatabaseFileError`` (the file itself is unusable: read-only, full,
corrupt …), ``DatabaseTooNew`` (written by a newer program; refused untouched)."""

from __future__ import annotations

from pathlib import Path

from workload_app.storage import db as store
from workload_app.storage.db import Database, DatabaseFileError, DatabaseTooNew

__all__ = [
    "Database",
    "DatabaseFileError",
    "DatabaseTooNew",
    "close_db",
    "default_db_path",
    "explain",
    "is_open",
    "open_db",
]


def open_db(path: Path | str | None = None, *, migrate: bool = True) -> Database:
    """Open (creating and upgrading if needed) the database at ``path``, else the default one."""
    return store.open_db(path, migrate=migrate)


def close_db(db: Database) -> None:
    store.close(db)


def is_open(db: Database) -> bool:
    """Whether ``db`` can still be used (False once closed, e.g. by a restore that failed late)."""
    return store.is_open(db)


def default_db_path() -> Path:
    """$WORKLOAD_DB, else workload.sqlite in the user's data directory."""
    return store.default_db_path()


def explain(exc: BaseException, path: Path | str | None = None) -> DatabaseFileError | None:
    """The clear error behind a low-level error about the database file, or None."""
    return store.explain(exc, path)
