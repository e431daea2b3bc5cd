"""The integrity supervisor's approvals (廉政监察员审批) of 终本 and 终结执行 closures.

Usually they arrive with the case export; a decision made after the export is recorded here,
with a note, by an administrator, and the year's figures are recomputed.
"""

from __future__ import annotations

import pandas as pd

from workload_app.core.casenumber import lookup_form
from workload_app.core.problems import WorkloadError
from workload_app.core.standard import AWAITING_APPROVAL
from workload_app.services import access, audit, figures
from workload_app.services import standard_cases as S
from workload_app.services.changes import Changes
from workload_app.storage import repository as repo
from workload_app.storage.db import Database


def awaiting(db: Database, year: int) -> pd.DataFrame:
    """The year's enforcement cases counted 0 for want of approval (those the user may see)."""
    merged, _, _ = S.results(db, year)
    waiting = merged[(merged["flags"] & AWAITING_APPROVAL) != 0]
    return waiting[["case_number", "judge", "division", "closing_method", "closed_on"]].reset_index(drop=True)


def record_approval(db: Database, case_number: str, approved: bool, note: str) -> Changes:
    """Record the supervisor's decision on one case (管理员); the note says whose decision and when."""
    access.require(db, access.Action.RECORD_APPROVAL)
    if not note.strip():
        raise WorkloadError("approval.note_required")
    with repo.transaction(db):
        before = repo.set_case_approval(db, case_number.strip(), int(approved)) or repo.set_case_approval(
            db, lookup_form(case_number), int(approved)
        )
        if before is None:
            raise WorkloadError("case.not_found", case=case_number)
        figures.update(db, figures.Touched(case_ids={int(before["id"])}))
        audit.record(
            db,
            "case.approval",
            case_number.strip(),
            before={"approved": before["approved"]},
            after={"approved": int(approved), "note": note},
        )
    return Changes(cases=True, results=True)
