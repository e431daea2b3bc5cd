"""Parameter sets per year: read the version in force, save a draft, publish, export and import TOML.

A published (frozen) set is never changed: a change to it makes a new version with a reason.
Every figure, tally, sheet and export uses the version in force (``current_params``): the newest
published one. A saved draft is seen only by the parameter editor (``draft_params``) and its
preview until it is published. While a year has no published version yet, its one draft counts
(the sheets and the window say so), so a court can work before it freezes its first set.
"""

from __future__ import annotations

from dataclasses import dataclass

from workload_app.core import messages
from workload_app.core.params import Params, default_params, params_from_toml, params_to_toml
from workload_app.core.problems import ParameterError, WorkloadError
from workload_app.services import access, audit, figures
from workload_app.services.changes import Changes, Summary
from workload_app.storage import backups
from workload_app.storage import repository as repo
from workload_app.storage.db import Database


@dataclass(frozen=True)
class ParamSetSummary(Summary):
    """The parameter version just saved."""

    id: int
    year: int
    version: int
    published: bool
    reason: str

    @classmethod
    def of(cls, row: dict) -> ParamSetSummary:
        return cls(row["id"], row["year"], row["version"], bool(row["published"]), row["reason"] or "")


@dataclass(frozen=True)
class PublishSummary(Summary):
    """The version now in force for ``year``."""

    year: int
    version: int


def current_params(db: Database, year: int) -> tuple[Params, dict | None]:
    """The year's version in force (newest published; the draft while none is published), or the
    defaults (not stored) when there is none."""
    row = repo.official_param_set(db, year)
    if row is None:
        return default_params(year), None
    return params_from_toml(row["toml"]), row


def draft_params(db: Database, year: int) -> tuple[Params, dict | None]:
    """The year's newest version, a draft or not: what the parameter editor edits."""
    row = repo.current_param_set(db, year)
    if row is None:
        return default_params(year), None
    return params_from_toml(row["toml"]), row


def require_params(db: Database, year: int) -> tuple[Params, dict]:
    params, row = current_params(db, year)
    if row is None:
        raise WorkloadError("param_set.none", year=year)
    return params, row


def save_params(
    db: Database,
    params: Params,
    reason: str = "",
    user: str | None = None,
    publish: bool = False,
) -> Changes:
    """Store a parameter set: a draft is replaced in place, a published one gets a new version."""
    who = access.require(db, access.Action.EDIT_PARAMS)
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
                raise ParameterError("reason", "param_set.reason_required", year=params.year)
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
        in_force = repo.official_param_set(db, params.year)
        if in_force is not None and in_force["id"] == saved["id"]:  # the figures follow these parameters
            figures.update(db, figures.Touched(param_years={params.year}))
    return Changes(params=True, summary=ParamSetSummary.of(saved))


@dataclass(frozen=True)
class VersionInUse:
    """Which parameter version the year's figures use, and whether a newer draft waits."""

    year: int
    version: int | None  # None: nothing saved, the defaults
    published: bool
    draft: int | None  # a newer unpublished version, seen only in the editor

    def text(self, lang: str = messages.ZH) -> str:
        """Which version, in ``lang``."""
        if self.version is None:
            return messages.render("params.in_use_default", {"year": self.year}, lang)
        state = messages.Phrase("params.state_published" if self.published else "params.state_draft")
        out = messages.render("params.in_use", {"version": self.version, "state": state}, lang)
        if self.draft is not None:
            out += messages.render("params.in_use_draft", {"draft": self.draft}, lang)
        return out


def version_in_use(db: Database, year: int) -> VersionInUse:
    official = repo.official_param_set(db, year)
    newest = repo.current_param_set(db, year)
    if official is None:
        return VersionInUse(year, None, False, None)
    draft = newest["version"] if newest and newest["id"] != official["id"] else None
    return VersionInUse(year, official["version"], bool(official["published"]), draft)


def publish(db: Database, year: int, reason: str = "") -> Changes:
    """Freeze the year's newest version, which from now on is the one every figure uses; later
    changes make a new version with a reason."""
    access.require(db, access.Action.PUBLISH_PARAMS)
    row = repo.current_param_set(db, year)
    if row is None:
        raise WorkloadError("param_set.nothing_to_publish", year=year)
    if row["published"]:
        raise WorkloadError("param_set.already_published", year=year, version=row["version"])
    with backups.before_change(db, "before-publish"), repo.transaction(db):
        in_force = repo.official_param_set(db, year)
        repo.publish_param_set(db, row["id"])
        audit.record(
            db,
            "params.publish",
            f"{year} 年度参数第 {row['version']} 版",
            before={"version_in_force": in_force["version"], "published": bool(in_force["published"])}
            if in_force
            else None,
            after={"version_in_force": row["version"], "published": True, "reason": reason},
        )
        figures.update(db, figures.Touched(param_years={year}))  # the year computed once, with them
    return Changes(params=True, results=True, summary=PublishSummary(year, row["version"]))


def export_toml(db: Database, year: int) -> str:
    params, row = draft_params(db, year)
    head = f"# {year} 年度参数" + (f"，第 {row['version']} 版" if row else "（默认值，尚未保存）")
    if row and row["published"]:
        head += "，已发布"
    return head + "\n" + params_to_toml(params)


def import_toml(db: Database, text: str, reason: str = "", user: str | None = None) -> Changes:
    params = params_from_toml(text)
    return save_params(db, params, reason or "从 TOML 导入", user)
