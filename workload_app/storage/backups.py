"""Backups with SQLite's online backup: consistent copies while the database is in use.

Copies go to ``<name>-backups/`` beside the database, named by time and reason; the newest N
(meta ``backup_keep``, default 10) are kept. A copy taken before a change that then changed
nothing (``before_change``) is removed again and prunes nothing, so no-op imports never push the
last real "before" copy out. A restore (``services.maintenance``) checks the copy here, copies its
rows into our own schema (``own_schema.rebuild``) and ``install``s the result in one SQLite
transaction. Folders are 0700, files 0600.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from workload_app.core.problems import WorkloadError
from workload_app.storage.dialect import dialect_of

DEFAULT_KEEP = 10


def database_path(db: sqlite_utils.Database) -> Path | None:
    """The file behind a handle (None for an in-memory database and for the court server)."""
    if not dialect_of(db).keeps_a_file:
        return None
    for _, name, file in db.conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file) if file else None
    return None


def store_key(db: sqlite_utils.Database) -> object:
    """What tells one store from another in a process's caches: the file, or on the court server
    (no file) its address and login; None for an in-memory database."""
    return dialect_of(db).store_key(db, database_path(db))


def refuse_on_server(db: sqlite_utils.Database, what: str = "backup") -> None:
    """Backups and restores here are of a FILE: the court server's are IT's (pg_dump)."""
    if not dialect_of(db).keeps_a_file:
        raise WorkloadError(f"server.no_file_{what}")


def backups_dir(path: Path) -> Path:
    return path.with_name(f"{path.stem}-backups")


def list_backups(path: Path) -> list[Path]:
    """Backups of the database at ``path``, newest first."""
    folder = backups_dir(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.sqlite"), key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def private_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) readable by the owner only; an existing one is left as is."""
    if not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def create_private(path: Path) -> None:
    """Create an empty file readable and writable by the owner only, unless it exists. SQLite gives
    its -wal and -shm files the permissions of the database file, so they follow."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _target(path: Path, reason: str) -> Path:
    folder = private_dir(backups_dir(path))
    return folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{reason}.sqlite"


def backup_file(path: Path, reason: str, keep: int = DEFAULT_KEEP, target: Path | None = None) -> Path:
    """Copy the database at ``path`` (online backup) and prune old copies; returns the copy."""
    src = sqlite3.connect(path)
    try:
        made = _copy(src, target or _target(path, reason))
    finally:
        src.close()
    prune(path, keep)
    return made


def _keep(db: sqlite_utils.Database) -> int:
    row = db.conn.execute("SELECT value FROM meta WHERE key = 'backup_keep'").fetchone()
    return int(row[0]) if row else DEFAULT_KEEP


def backup(
    db: sqlite_utils.Database, reason: str, target: Path | None = None, *, prune_old: bool = True
) -> Path | None:
    """Back up an open database before an import, a publish…; call it outside a transaction.
    None for an in-memory database, or inside a transaction (an outer step backed up already)."""
    path = database_path(db)
    if path is None or db.conn.in_transaction:
        return None
    keep = _keep(db)
    if keep <= 0 and target is None:
        return None
    made = _copy(db.conn, target or _target(path, reason))
    if prune_old:
        prune(path, keep)
    return made


def _audit_head_id(db: sqlite_utils.Database) -> int:
    row = db.conn.execute("SELECT MAX(id) FROM audit_log").fetchone()
    return int(row[0] or 0)


@contextmanager
def before_change(db: sqlite_utils.Database, reason: str, *, skip: bool = False) -> Iterator[Path | None]:
    """Back up, then run the change. Every change the application makes writes an audit row, so
    if the block wrote none (nothing to change, or it failed and rolled back) the copy is removed
    and nothing is pruned; otherwise the old copies are pruned as usual."""
    made = None if skip else backup(db, reason, prune_old=False)
    if made is None:
        yield None
        return
    head = _audit_head_id(db)
    try:
        yield made
    finally:
        path = database_path(db)
        if _audit_head_id(db) == head:
            made.unlink(missing_ok=True)
        elif path is not None:
            prune(path, _keep(db))


def _copy(src: sqlite3.Connection, target: Path) -> Path:
    """Copy into a private partial file, then link it under ``target`` (or ``target-2``… when
    another process backed up in the same second); a copy is either complete or absent."""
    remove_stale_partials(target.parent)
    fd, partial_name = tempfile.mkstemp(
        dir=target.parent, prefix=f"{os.getpid()}-", suffix=".partial"
    )  # 0600
    os.close(fd)
    partial = Path(partial_name)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # one self-contained file: a WAL copy would grow -wal/-shm beside it when read
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        candidate, n = target, 1
        while True:
            try:
                os.link(partial, candidate)
                return candidate
            except FileExistsError:
                n += 1
                candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
    finally:
        partial.unlink(missing_ok=True)


def remove_stale_partials(folder: Path) -> None:
    """Remove the working files (``PID-….partial`` and SQLite's companions) of copies whose
    process is gone (killed midway); those of a process still running are left alone."""
    if not folder.is_dir():
        return
    for partial in folder.glob("*-*.partial*"):
        pid = partial.name.split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            partial.unlink(missing_ok=True)
        except OSError:  # alive under another user, or not ours to judge
            continue


def prune(path: Path, keep: int) -> None:
    """Keep the newest ``keep`` copies (at least one)."""
    for old in list_backups(path)[max(keep, 1) :]:
        old.unlink(missing_ok=True)


@contextmanager
def read_only(source: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a copy the user chose. A copy in WAL mode (one made by an older
    version) would leave -wal and -shm files beside it; those this read created are removed."""
    companions = [source.with_name(source.name + s) for s in ("-wal", "-shm")]
    existed = {c for c in companions if c.exists()}
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()
        for c in companions:
            if c not in existed and c.exists() and (c.name.endswith("-shm") or c.stat().st_size == 0):
                c.unlink(missing_ok=True)


def audit_head_of(source: Path) -> int:
    """The last audit row's number in a backup (0 when it has none)."""
    with read_only(source) as conn:
        row = conn.execute("SELECT MAX(id) FROM audit_log").fetchone()
    return int(row[0] or 0)


def check_copy(source: Path, latest_version: int) -> int:
    """Refuse a file that is not a sound database of this program; returns its schema version."""
    if not source.is_file():
        raise WorkloadError("backup.not_found", file=str(source))
    try:
        with read_only(source) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            version = (
                conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
                if "schema_migrations" in tables
                else 0
            )
    except sqlite3.DatabaseError as exc:
        raise WorkloadError("backup.not_database", file=source.name, detail=str(exc)) from exc
    if result != "ok":
        raise WorkloadError("backup.integrity", file=source.name, detail=result)
    if not {"cases", "judges", "meta"} <= tables or not isinstance(version, int) or version <= 0:
        raise WorkloadError("backup.not_ours", file=source.name)
    if version > latest_version:
        raise WorkloadError("backup.too_new", file=source.name, version=version)
    return int(version)


def install(prepared: Path, path: Path, progress: Callable[[int, int, int], object] | None = None) -> None:
    """Replace the content of the database at ``path`` by ``prepared`` in one transaction of the
    destination: a process killed midway leaves the old database, complete. Other programs must
    have the database closed."""
    src = sqlite3.connect(f"file:{prepared}?mode=ro", uri=True)
    dst = sqlite3.connect(path, timeout=10)
    try:
        src.backup(dst, pages=256, progress=progress)
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        dst.close()
        src.close()
