"""Parameter sets per year: read the current version, save a draft, publish, export and import TOML.

A published (frozen) set is never changed: a change to it makes a new version with a reason.
"""

from __future__ import annotations

from workload_app.core.params import Params, default_params, params_from_toml, params_to_toml
from workload_app.core.problems import ParameterError, WorkloadError
from workload_app.services import access, audit
from workload_app.services.changes import Changes
from workload_app.storage import backups
from workload_app.storage import repository as repo
from workload_app.storage.db import Database


def current_params(db: Database, year: int) -> tuple[Params, dict | None]:
    """The year's latest parameter version, or the defaults (not stored) when there is none."""
    row = repo.current_param_set(db, year)
    if row is None:
        return default_params(year), None
    return params_from_toml(row["toml"]), row


def require_params(db: Database, year: int) -> tuple[Params, dict]:
    params, row = current_params(db, year)
    if row is None:
        raise WorkloadError(f"{year} 年度还没有参数设置，请先导入或保存参数（workload params import）")
    return params, row


def save_params(
    db: Database,
    params: Params,
    reason: str = "",
    user: str | None = None,
    publish: bool = False,
) -> Changes:
    """Store a parameter set: a draft is replaced in place, a published one gets a new version."""
    who = access.require(db, (access.ADMIN,), "修改参数")
    toml = params_to_toml(params)
    params_from_toml(toml)  # what we store must read back
    row = repo.current_param_set(db, params.year)
    with backups.before_change(db, "before-publish", skip=not publish), repo.transaction(db):
        if row is not None and not row["published"]:
            repo.replace_param_toml(db, row["id"], toml, reason or row["reason"])
            saved = repo.param_set(db, row["id"])
            if publish:
                repo.publish_param_set(db, row["id"])
        else:
            if row is not None and not reason.strip():
                raise ParameterError("reason", f"{params.year} 年度参数已发布，修改须填写理由")
            saved = repo.insert_param_set(db, params.year, toml, reason, user or who.name, publish)
        audit.record(
            db,
            "params.save",
            f"{params.year} 年度参数第 {saved['version']} 版",
            before={"version": row["version"], "toml": row["toml"]} if row else None,
            after={"version": saved["version"], "toml": toml, "reason": reason},
        )
        if publish:
            audit.record(db, "params.publish", f"{params.year} 年度参数第 {saved['version']} 版")
    return Changes(params=True, summary=saved)


def publish(db: Database, year: int) -> Changes:
    """Freeze the year's current version: later changes make a new version with a reason."""
    access.require(db, (access.ADMIN,), "发布参数")
    row = repo.current_param_set(db, year)
    if row is None:
        raise WorkloadError(f"{year} 年度没有可发布的参数")
    if row["published"]:
        raise WorkloadError(f"{year} 年度参数第 {row['version']} 版已发布")
    with backups.before_change(db, "before-publish"), repo.transaction(db):
        repo.publish_param_set(db, row["id"])
        audit.record(db, "params.publish", f"{year} 年度参数第 {row['version']} 版")
    return Changes(params=True, summary=row["version"])


def export_toml(db: Database, year: int) -> str:
    params, row = current_params(db, year)
    head = f"# {year} 年度参数" + (f"，第 {row['version']} 版" if row else "（默认值，尚未保存）")
    if row and row["published"]:
        head += "，已发布"
    return head + "\n" + params_to_toml(params)


def import_toml(db: Database, text: str, reason: str = "", user: str | None = None) -> Changes:
    params = params_from_toml(text)
    return save_params(db, params, reason or "从 TOML 导入", user)
