"""Backing up and restoring the whole database (管理员)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from workload_app.core.problems import WorkloadError
from workload_app.services import access, audit
from workload_app.services.standard_cases import forget_cached
from workload_app.storage import backups
from workload_app.storage.db import latest_version, open_db


def backup_now(db: sqlite_utils.Database, target: Path | None = None) -> Path:
    """A consistent copy of the database, now (into the backups folder unless ``target``)."""
    access.require(db, (access.ADMIN,), "备份数据库")
    if target is not None and target.exists():
        raise WorkloadError(f"「{target}」已存在，未覆盖")
    path = backups.backup(db, "manual", target)
    if path is None:
        raise WorkloadError("内存数据库无法备份")
    return path


def available(db: sqlite_utils.Database) -> list[Path]:
    path = backups.database_path(db)
    return backups.list_backups(path) if path else []


def restore(db: sqlite_utils.Database, source: Path) -> tuple[sqlite_utils.Database, Path]:
    """Replace the database behind ``db`` with the backup ``source`` (checked first).

    ``db`` is closed; returns the reopened database (same user bound) and where the replaced
    content was kept. Other windows on the same file must be closed first."""
    user = access.require(db, (access.ADMIN,), "恢复数据库")
    path = backups.database_path(db)
    if path is None:
        raise WorkloadError("内存数据库无法恢复")
    backups.check_copy(Path(source), latest_version())
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    aside = backups.restore(path, Path(source), latest_version())
    forget_cached()
    restored = open_db(path)
    access.bind(restored, user)
    audit.record(restored, "backup.restore", Path(source).name, after={"kept_aside": str(aside)})
    return restored, aside
