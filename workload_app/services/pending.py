"""Long-pending cases (长期未结案件): the list at a date, the responsible judge's reasons, the alert PDF.

A 法官 sees and explains their own open cases; a 庭长 sees their division's (and their own);
人事/管理员 see the whole court. Only the responsible judge records a reason (管理员 too, for
corrections); every reason is audited with what it replaced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workload_app.core import messages
from workload_app.core import quality as qm
from workload_app.core.casenumber import lookup_form
from workload_app.core.dates import date_of
from workload_app.core.problems import WorkloadError
from workload_app.reports.pending_alert import alert_pdf
from workload_app.services import access, audit, clock
from workload_app.services.changes import Changes, Summary
from workload_app.storage import audit_trail
from workload_app.storage import repository as repo
from workload_app.storage.db import Database

PENDING_COLUMNS = [
    "case_number",
    "judge",
    "division",
    "category",
    "procedure",
    "cause",
    "filed_on",
    "age_months",
    "band",
    "pending_reason",
    "pending_note",
    "reason_by",
    "reason_at",
]


def pending_cases(
    db: Database,
    at: dt.date | None = None,
    over_months: int = 12,
    *,
    division: str | None = None,
    judge: str | None = None,
) -> pd.DataFrame:
    """Open cases at ``at`` (default today) at least ``over_months`` old that the user may see, oldest first.

    ``over_months=0`` lists every open case (the open-case list)."""
    if over_months < 0:
        raise WorkloadError("pending.negative_months")
    at = at or clock.today(db)
    cases = access.limit_cases(db, repo.open_cases(db, at.isoformat()))
    if division:
        cases = cases[cases["division"] == division]
    if judge:
        cases = cases[cases["judge"] == judge]
    out = qm.long_pending(cases, at, over_months)
    return out.reindex(columns=PENDING_COLUMNS).reset_index(drop=True)


@dataclass(frozen=True)
class PendingReasonSummary(Summary):
    case_number: str
    reason: str


def record_reason(db: Database, case_number: str, reason: str, note: str = "") -> Changes:
    """The responsible judge says why an open case is still open (鉴定/公告/中止/等待他案/其他 + text)."""
    user = access.current(db)
    note = (note or "").strip()
    if reason not in qm.REASONS:
        raise WorkloadError("pending.unknown_reason", reasons=messages.words(qm.REASONS), reason=reason)
    if reason == "其他" and not note:
        raise WorkloadError("pending.other_needs_note")
    case = repo.case_for_reason(db, case_number.strip()) or repo.case_for_reason(db, lookup_form(case_number))
    if case is None:
        raise WorkloadError("case.not_found", case=case_number)
    if case["closed_on"]:
        raise WorkloadError("pending.closed", case=case_number, closed=case["closed_on"])
    if not access.may_record_pending_reason(user, case["judge"]):
        raise access.AccessDenied("access.pending_reason", judge=case["judge"])
    before = (
        {"reason": case["pending_reason"], "note": case["pending_note"], "by": case["reason_by"]}
        if case["pending_reason"]
        else None
    )
    if audit_trail.server_writes_trail(db):  # the server checks, stamps and records it
        with repo.transaction(db):
            repo.record_pending_reason_on_server(db, case["case_number"], reason, note)
        return Changes(cases=True, summary=PendingReasonSummary(case["case_number"], reason))
    with repo.transaction(db):
        repo.set_pending_reason(db, case["case_id"], reason, note, user.name)
        audit.record(
            db, "pending.reason", case["case_number"], before=before, after={"reason": reason, "note": note}
        )
    return Changes(cases=True, summary=PendingReasonSummary(case["case_number"], reason))


def alert_list_pdf(
    db: Database,
    out: Path | str,
    at: dt.date | None = None,
    over_months: int = 12,
    division: str | None = None,
    invariant: bool = False,
    *,
    judge: str | None = None,
) -> int:
    """Write the monthly alert list: the rows of ``pending_cases`` with the same ``division`` and
    ``judge`` (within what the user may see), so the PDF lists exactly what the csv/xlsx do;
    return the case count."""
    at = at or clock.today(db)
    if division and not access.may_see_division(db, division):
        raise access.AccessDenied("access.pending_division", division=division)
    rows = pending_cases(db, at, over_months, division=division, judge=judge)
    court = repo.get_meta(db, "court_name") or ""
    scope = " · ".join(s for s in (division, judge) if s) or access.default_scope_label(access.current(db))
    data_date = repo.cases_data_date(db)
    data = alert_pdf(
        rows,
        court=court,
        scope=scope or "全院",
        at=at,
        over_months=over_months,
        invariant=invariant,
        data_date=date_of(data_date),
        printed=None if invariant else clock.of(db).now(),  # the store's clock (the server's)
    )
    Path(out).write_bytes(data)
    return len(rows)
