"""Backing up and restoring the whole database (管理员).

A restore is prepared in a private working file built from the program's own schema, into which
the backup's rows are copied (``storage.own_schema``: nothing of the backup's own schema, no
trigger, view or index it carries, survives); a backup of an older schema version is copied into
our schema at its version and then migrated up. In that file the audit rows written since the
backup was taken are carried into it (they continue its hash chain) or, if the backup does not
belong to this trail, kept in a file in the backups folder that pruning never touches; then the
restore itself is recorded in it. Only then does the copy replace the database, in one SQLite
transaction: a restore killed midway leaves the old database as it was, a finished one always
has its record.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from workload_app.core.problems import WorkloadError
from workload_app.services import access, audit, figures
from workload_app.services.standard_cases import forget_cached
from workload_app.storage import audit_trail, backups, own_schema
from workload_app.storage import repository as repo
from workload_app.storage.db import Database, checkpoint, close, latest_version, open_db


def backup_now(db: Database, target: Path | None = None) -> Path:
    """A consistent copy of the database, now (into the backups folder unless ``target``); the
    audit trail records it (the copy itself is taken just before that row)."""
    access.require(db, access.Action.BACKUP)
    backups.refuse_on_server(db, "backup")
    if target is not None and target.exists():
        raise WorkloadError("backup.exists", target=target)
    path = backups.backup(db, "manual", target)
    if path is None:
        raise WorkloadError("backup.in_memory")
    audit.record(db, "backup.create", path.name, after={"file": str(path)})
    return path


def available(db: Database) -> list[Path]:
    path = backups.database_path(db)
    return backups.list_backups(path) if path else []


# Why a backup was taken, from the reason in its name (``storage.backups``).
REASONS = {
    "manual": "手动备份",
    "before-import": "导入结案数据之前",
    "before-roster": "导入法官名册之前",
    "before-appeals": "导入二审结果之前",
    "before-publish": "发布参数之前",
    "before-undo": "撤销导入之前",
    "before-restore": "从备份恢复之前",
}


@dataclass(frozen=True)
class BackupInfo:
    """A backup as the restore dialog lists it: when and why it was taken, the change it was
    taken before (e.g. 导入结案数据 「2026年2月结案.xlsx」), and what restoring it loses: the
    changes recorded since (the audit trail itself is carried over)."""

    path: Path
    taken_at: str  # local time, YYYY-MM-DD HH:MM:SS
    reason: str  # a key of REASONS ("" when the name says none)
    before: dict | None  # the first change after it: at, user, action, action_label, target
    lost: int  # changes recorded after it
    lost_rows: tuple[dict, ...]  # the first and the newest of them


def backup_choices(db: Database) -> list[BackupInfo]:
    """Every backup of this database, newest first, with what each holds and what restoring it
    would lose (管理员)."""
    access.require(db, access.Action.RESTORE)
    return [describe_backup(db, p) for p in available(db)]


def describe_backup(db: Database, source: Path) -> BackupInfo:
    """What ``source`` holds against this database (a file the user picked, too)."""
    access.require(db, access.Action.RESTORE)
    source = Path(source)
    stem = source.stem
    reason = next((r for r in REASONS if stem.endswith(r) or f"-{r}-" in stem), "")
    taken = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(source.stat().st_mtime))
    try:
        head = backups.audit_head_of(source)
    except Exception:  # noqa: BLE001 - not a database: the restore's checks say why
        return BackupInfo(source, taken, reason, None, 0, ())
    lost, rows = audit_trail.changes_after(db, head)
    rows = [{**r, "action_label": audit.ACTIONS.get(r["action"], r["action"])} for r in rows]
    return BackupInfo(source, taken, reason, rows[0] if rows else None, lost, tuple(rows))


def _carry_audit(current: Database, prepared: Database, path: Path) -> dict:
    """Bring the audit rows the backup does not have into the prepared copy when they continue
    its chain; otherwise keep the whole replaced trail in a file. Call inside a transaction on
    ``prepared``."""
    rows = list(audit_trail.audit_rows(current))
    head = audit_trail.audit_head(prepared)
    upto, head_hash = head if head else (0, None)
    continues = upto == 0 or any(r["id"] == upto and r["hash"] == head_hash for r in rows)
    if continues:
        later = [r for r in rows if isinstance(r["id"], int) and r["id"] > upto]
        if not later:
            return {"carried": 0}
        if later[0]["id"] == upto + 1:
            audit_trail.insert_verbatim(prepared, later)
            return {"carried": len(later), "carried_ids": f"{later[0]['id']}-{later[-1]['id']}"}
    if not rows:
        return {"carried": 0}
    folder = backups.private_dir(backups.backups_dir(path))
    stamp = f"{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns() % 10**6:06d}"
    kept = audit_trail.write_rows_file(folder / f"audit-before-restore-{stamp}.jsonl", rows)
    return {"carried": 0, "kept_in": str(kept), "kept_rows": len(rows)}


def restore(db: Database, source: Path) -> tuple[Database, Path]:
    """Replace the database behind ``db`` with the backup ``source`` (checked first).

    ``db`` is closed; returns the reopened database (same user bound) and where the replaced
    content was kept. Other windows on the same file must be closed first."""
    user = access.require(db, access.Action.RESTORE)
    backups.refuse_on_server(db, "restore")
    path = backups.database_path(db)
    if path is None:
        raise WorkloadError("backup.restore_in_memory")
    source = Path(source)
    version = backups.check_copy(source, latest_version())
    rebuilt = own_schema.rebuild(source, backups.backups_dir(path), version)  # refuses bad rows
    work = rebuilt.path
    try:
        checkpoint(db)
        aside = backups.backup_file(path, "before-restore", keep=10**6)
        prepared = open_db(work, backup_before_upgrade=False)  # migrated up from the backup's version
        try:
            access.bind(prepared, user)
            with repo.transaction(prepared):
                carried = _carry_audit(db, prepared, path)
                upgraded = {"from_version": version} if version < latest_version() else {}
                ignored = {"ignored": list(rebuilt.ignored)} if rebuilt.ignored else {}
                audit.record(
                    prepared,
                    "backup.restore",
                    source.name,
                    after={"source": str(source), "kept_aside": str(aside), **carried, **upgraded, **ignored},
                )
            checkpoint(prepared, single_file=True)
        finally:
            close(prepared)
        close(db)
        backups.install(work, path)
    finally:
        for leftover in (work, Path(f"{work}-wal"), Path(f"{work}-shm"), Path(f"{work}-journal")):
            leftover.unlink(missing_ok=True)
    forget_cached()
    restored = open_db(path)
    if figures.missing_years(restored):  # a backup made by an older version: its figures, once
        with repo.transaction(restored):
            figures.compute_missing(restored)
    access.bind(restored, user)
    return restored, aside
