"""Opening the store: where the user's database lives, pragmas, the version guard, backups.

A database written by a newer program is refused before anything touches it; an older one is
backed up first (SQLite online backup, see ``backups``) and then upgraded by the migrations.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import sqlite_utils
from platformdirs import user_data_dir

from workload_app.core import messages
from workload_app.core.problems import WorkloadError
from workload_app.storage import pg
from workload_app.storage.backups import backup_file, create_private
from workload_app.storage.dialect import SQLITE, dialect_of
from workload_app.storage.migrations import (
    MIGRATIONS,
    SERVER_MIGRATIONS,
    DatabaseTooNew,  # noqa: F401 - the file's refusal, named by callers as storage.db's
    apply_migrations,
    schema_version,
    too_new,
)
from workload_app.storage.pg import ServerLogin, is_server_address

# The store handle the services keep and pass back (they never touch its connection: SQL lives here):
# a file's (sqlite_utils.Database) or the court server's (pg.ServerDatabase), both with ``.conn``.
Database = sqlite_utils.Database | pg.ServerDatabase

APP_NAME = "workload-app"
BUSY_TIMEOUT_MS = 10_000


class DatabaseFileError(WorkloadError):
    """The database file cannot be used: ``code`` is readonly, full, corrupt, cannot_open or io."""

    def __init__(self, code: str, path: Path | str | None) -> None:
        self.code = code
        self.path = str(path or "")
        super().__init__(f"db.{code}", path=self.path)
        self.code = code  # the short code (readonly, full …); the catalogue's is f"db.{code}"

    def render(self, lang: str = "zh") -> str:
        return messages.render(f"db.{self.code}", {"path": self.path}, lang)


def _read_only(path: Path) -> bool:
    """The file exists but it, or the folder SQLite keeps its -wal and -shm in, cannot be written."""
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _nearly_full(path: Path | str | None) -> bool:
    """Less than 4 MB free where the database lives: SQLite then reports a full disk as an I/O
    error when it cannot grow its -shm file."""
    if path is None:
        return False
    try:
        return shutil.disk_usage(Path(path).parent).free < 4 * 2**20
    except OSError:
        return False


def explain(exc: BaseException, path: Path | str | None = None) -> DatabaseFileError | None:
    """The clear error behind an sqlite3 or OS error about the database file, or None."""
    text = str(exc).lower()
    if isinstance(exc, OSError):
        if exc.errno == 28:  # ENOSPC
            return DatabaseFileError("full", path or exc.filename)
        if exc.errno in (13, 30):  # EACCES, EROFS
            return DatabaseFileError("readonly", path or exc.filename)
        return None
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    if "readonly" in text or "read-only" in text:
        return DatabaseFileError("readonly", path)
    if "disk is full" in text or "disk full" in text or "database or disk is full" in text:
        return DatabaseFileError("full", path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseFileError("corrupt", path)
    if "disk i/o error" in text:
        return DatabaseFileError("full" if _nearly_full(path) else "io", path)
    if "unable to open" in text:
        if path is not None and _read_only(Path(path)):
            return DatabaseFileError("readonly", path)
        return DatabaseFileError("cannot_open", path)
    return None


def default_db_path() -> Path:
    """$WORKLOAD_DB, else workload.sqlite in the user's data directory (never the install folder)."""
    env = os.environ.get("WORKLOAD_DB")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "workload.sqlite"


def latest_version() -> int:
    return max(v for v, _, _ in MIGRATIONS)


class ServerError(WorkloadError):
    """The court server cannot be used: unreachable, login refused, not set up, too new or too old."""


def open_server(login: ServerLogin) -> pg.ServerDatabase:
    """A handle on the court server. Clients never change its schema: a server older than this
    program is refused (IT upgrades it with ``workload server setup``), as is a newer one."""
    import psycopg

    try:
        db = pg.open_server(login)
    except psycopg.OperationalError as exc:
        text = str(exc)
        if "password authentication failed" in text or "role" in text and "does not exist" in text:
            raise ServerError("server.login_failed", user=login.user) from exc
        if "not permitted to log in" in text:
            raise ServerError("server.login_failed", user=login.user) from exc
        if "database" in text and "does not exist" in text:
            raise ServerError("server.not_set_up", url=login.url) from exc
        detail = text.strip().splitlines()[-1] if text.strip() else type(exc).__name__
        raise ServerError("server.unreachable", url=login.url, detail=detail) from exc
    try:
        check_server_version(db)
    except BaseException:
        db.conn.close()
        raise
    return db


def server_latest_version() -> int:
    return max(v for v, _, _ in SERVER_MIGRATIONS)


def check_server_version(db: pg.ServerDatabase) -> None:
    found = schema_version(db.conn)
    latest = server_latest_version()
    if found == 0:
        raise ServerError("server.not_set_up", url=db.login.url)
    refused = too_new(db, found)
    if refused is not None:
        raise refused
    if found < latest:
        raise ServerError("server.needs_upgrade", found=found, latest=latest)


def _peek_version(path: Path) -> int:
    """The schema version of an existing file, read without changing it."""
    uri = f"file:{path}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        return schema_version(conn)
    finally:
        conn.close()


def open_db(
    path: Path | str | None = None, *, migrate: bool = True, backup_before_upgrade: bool = True
) -> sqlite_utils.Database:
    """Open (creating if needed) and upgrade a database; refuse one newer than this program.
    Errors about the file itself come as one clear ``DatabaseFileError``. ``path`` may also be
    the court server (a ``ServerLogin`` or a ``postgresql://`` URL): see ``open_server``."""
    if is_server_address(path):
        login = path if isinstance(path, ServerLogin) else ServerLogin.from_url(str(path))
        return open_server(login)
    path = Path(path) if path is not None else default_db_path()
    try:
        return _open(path, migrate, backup_before_upgrade)
    except (sqlite3.DatabaseError, OSError) as exc:
        clear = explain(exc, path)
        if clear is None:
            raise
        raise clear from exc


def _open(path: Path, migrate: bool, backup_before_upgrade: bool) -> sqlite_utils.Database:
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        found = _peek_version(path)
        refused = too_new(SQLITE, found, str(path))
        if refused is not None:
            raise refused
        if migrate and backup_before_upgrade and 0 < found < latest_version():
            backup_file(path, f"before-v{latest_version()}", keep=10**6)
    else:
        if not path.parent.is_dir():
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        create_private(path)  # 0600 before SQLite writes anything; -wal and -shm follow
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = sqlite_utils.Database(conn)
        if migrate:
            apply_migrations(db)
    except BaseException:
        conn.close()
        if not existed and path.exists() and path.stat().st_size == 0:
            path.unlink(missing_ok=True)  # no empty file left behind by a failed first open
            for extra in ("-wal", "-shm", "-journal"):
                Path(f"{path}{extra}").unlink(missing_ok=True)
        raise
    return db


def close(db: Database) -> None:
    db.conn.close()


def checkpoint(db: Database, *, single_file: bool = False) -> None:
    """Fold the write-ahead log into the file; ``single_file``: and leave WAL mode, so that the
    file alone (no -wal/-shm) holds everything, as a copy about to be installed must.
    Nothing to do on the court server."""
    dialect_of(db).checkpoint(db, single_file=single_file)


def is_open(db: Database) -> bool:
    """The handle still has a usable connection (a failed restore may have closed it)."""
    try:
        db.conn.execute("SELECT 1")
    except (sqlite3.ProgrammingError, pg.ConnectionClosed):
        return False
    except Exception:
        if not dialect_of(db).keeps_a_file:  # the server's connection dropped
            return False
        raise
    return True
