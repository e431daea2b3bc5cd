"""Court settings (法院设置): the court's name and the prefix of its document numbers (发文字号).

The name heads every sheet and signs the quota notices (任务下达通知); a notice's number is
``{prefix}〔{year}〕{n}号`` with n = the first number (``notice_start``) plus the judge's place in
the year's plan, so a reprint of the same plan version carries the same numbers. With
``notice_numbering = plan`` the batch is one 通知 with one number, n = the first number plus the
plan's version less one, and each judge's page is its attachment (附件).
"""

from __future__ import annotations

from dataclasses import dataclass

from workload_app.core.problems import WorkloadError
from workload_app.services import access, audit
from workload_app.services.changes import Changes, Summary
from workload_app.storage import repository as repo
from workload_app.storage.db import Database

DEFAULT_COURT = "人民法院"
_KEYS = {
    "name": "court_name",
    "notice_prefix": "notice_prefix",
    "notice_start": "notice_start",
    "notice_numbering": "notice_numbering",
}
NUMBERINGS = ("judge", "plan")  # one 文号 per judge's notice (as before) / one per plan
NOTICE_PREFIX_EXAMPLE = "渝0106法"  # a real prefix, shown in the refusal in either language


@dataclass(frozen=True)
class CourtSettings(Summary):
    name: str
    notice_prefix: str  # e.g. 渝0106法 → 渝0106法〔2025〕1号
    notice_start: int = 1
    notice_numbering: str = "judge"  # judge: a 文号 per judge's notice; plan: one per plan version

    def notice_number(self, year: int, sequence: int) -> str:
        """文号 of the ``sequence``-th notice (1-based) of ``year``."""
        return f"{self.notice_prefix}〔{year}〕{self.notice_start + sequence - 1}号"

    def number_for(self, year: int, place: int, version: int) -> str:
        """文号 of a judge's notice: by the judge's ``place`` in the plan, or with ``plan``
        numbering the plan's own number (its ``version``-th of the year)."""
        return self.notice_number(year, version if self.notice_numbering == "plan" else place)


def court_settings(db: Database) -> CourtSettings:
    start = repo.get_meta(db, _KEYS["notice_start"])
    return CourtSettings(
        name=repo.get_meta(db, _KEYS["name"]) or DEFAULT_COURT,
        notice_prefix=repo.get_meta(db, _KEYS["notice_prefix"]) or "",
        notice_start=int(start) if start else 1,
        notice_numbering=repo.get_meta(db, _KEYS["notice_numbering"]) or "judge",
    )


def set_court_settings(
    db: Database,
    *,
    name: str | None = None,
    notice_prefix: str | None = None,
    notice_start: int | None = None,
    notice_numbering: str | None = None,
) -> Changes:
    """Change the court's name, notice prefix or first notice number (管理员, 人事); audited."""
    access.require(db, access.Action.COURT_SETTINGS)
    wanted: dict[str, str] = {}
    if name is not None:
        name = name.strip()
        if not name or len(name) > 60:
            raise WorkloadError("court.name")
        wanted["name"] = name
    if notice_prefix is not None:
        prefix = notice_prefix.strip()
        if len(prefix) > 30 or any(c in prefix for c in "〔〕[]()（）\n\r\t"):
            raise WorkloadError("court.notice_prefix", example=NOTICE_PREFIX_EXAMPLE)
        wanted["notice_prefix"] = prefix
    if notice_start is not None:
        if not 1 <= notice_start <= 99999:
            raise WorkloadError("court.notice_start", value=notice_start)
        wanted["notice_start"] = str(notice_start)
    if notice_numbering is not None:
        if notice_numbering not in NUMBERINGS:
            raise WorkloadError("court.notice_numbering", value=notice_numbering)
        wanted["notice_numbering"] = notice_numbering
    if not wanted:
        raise WorkloadError("court.nothing_given")
    before = court_settings(db)
    changed = {k: v for k, v in wanted.items() if str(getattr(before, k)) != v}
    if not changed:
        return Changes(summary=before)
    with repo.transaction(db):
        for k, v in changed.items():
            repo.set_meta(db, _KEYS[k], v)
        audit.record(
            db,
            "court.settings",
            "法院设置",
            before={k: getattr(before, k) for k in changed},
            after=changed,
        )
    return Changes(settings=True, summary=court_settings(db))
