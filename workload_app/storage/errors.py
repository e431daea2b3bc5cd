"""What a database or driver error means to the user, decided in one place.

``classify(exc, path)`` turns an error that came up from SQLite, the PostgreSQL driver or the
operating system while the store was used into the coded error (``core.messages``) the user is
shown: the file read-only, full, damaged, unopenable or failing (``db.explain``); the store busy
with another writer; the court server's own report. The command line and the window both ask it
and render the result in their language; an error it does not know is None (a program error,
shown with its traceback).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workload_app.core.problems import WorkloadError
from workload_app.storage.db import explain
from workload_app.storage.pg import WriterBusy


class DatabaseBusy(WorkloadError):
    """Another program held the database for writing longer than we waited."""


class ServerReported(WorkloadError):
    """The court server (or its driver) refused or dropped the work; ``detail`` is its own line."""


def is_busy(exc: BaseException) -> bool:
    """Another writer holds the store: SQLite's "database is locked/busy", the server's lock wait."""
    if isinstance(exc, WriterBusy):
        return True
    text = str(exc)
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def _from_driver(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] in ("psycopg", "psycopg_pool")


def classify(exc: BaseException, path: Path | str | None = None) -> WorkloadError | None:
    """The coded error for ``exc`` met while using the store at ``path`` (a file; None on the
    server), or None when it is not a database, driver or file error this program knows."""
    if isinstance(exc, WorkloadError):
        return exc
    clear = explain(exc, path)
    if clear is not None:
        return clear
    if is_busy(exc):
        return DatabaseBusy("db.busy")
    if _from_driver(exc):
        lines = str(exc).strip().splitlines() or [type(exc).__name__]
        return ServerReported("db.server_said", detail=lines[0])  # e.g. the connection dropped
    return None
