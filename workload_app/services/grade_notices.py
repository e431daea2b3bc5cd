"""The written notice of the year-end grade (书面通知) and its review (复核): notices issued after
确定, the judge's acknowledgement (in the program or on paper), a review request within the rule
set's days, and the committee's review decision, which issues a new notice when it changes the
grade. The steps before are ``services.grades``."""

from __future__ import annotations

import datetime as dt

from workload_app.core import grading as G
from workload_app.core.problems import WorkloadError
from workload_app.services import access, audit, clock
from workload_app.services.changes import Changes
from workload_app.services.grades import (
    changes_of,
    check_caps,
    deny,
    entry_of,
    previous_grade,
    required_reason,
    valid_grade,
    year_row,
)
from workload_app.services.parameters import current_params
from workload_app.storage import grading_store as store
from workload_app.storage import repository as repo
from workload_app.storage.db import Database

# ---------------------------------------------------------------- 书面通知


def issue_notices(db: Database, year: int) -> Changes:
    """Record the written notice of every confirmed grade (the first version; a review that changes
    a grade issues the next). Again later: the notices as issued, nothing changed."""
    access.require(db, access.Action.GRADE_RUN)
    with repo.transaction(db):
        row = year_row(db, year)
        if row["state"] not in G.LOCKED_STATES:
            raise WorkloadError("grade.not_confirmed", year=year, state=G.STATE_LABELS[row["state"]])
        entries = [e for e in store.entries(db, year) if e["final_grade"]]
        new = [e for e in entries if not e["notice_version"]]
        from workload_app.services import court as court_settings

        settings = court_settings.court_settings(db)
        for i, e in enumerate(entries, start=1):
            if e["notice_version"]:
                continue
            store.update_entry(
                db,
                year,
                e["judge_id"],
                notice_version=1,
                notice_number=_notice_number(settings, year, i),
                notice_at=repo.now(db),
            )
        if row["state"] == "confirmed":
            store.update_year(db, year, state="notified", notified_at=repo.now(db))
        if new:
            audit.record(
                db,
                "grade.notice",
                f"{year} 年度考核结果通知",
                after={"judges": [e["judge"] for e in new], "version": 1},
            )
    return changes_of(year, "notified", f"{year} 年度考核结果通知：新发 {len(new)} 份，共 {len(entries)} 份")


def _notice_number(settings, year: int, sequence: int) -> str:
    prefix = settings.notice_prefix or "考核"
    return f"{prefix}〔{year}〕考字{sequence}号"


def acknowledge(db: Database, year: int, judge: str, opinion: str = "", paper: bool = False) -> Changes:
    """The judge's acknowledgement of the notice, with an opinion, in the program (the judge) or
    marked as signed on paper (人事)."""
    user = access.current(db)
    if not access.may_write_own_grading(user, judge):
        raise deny(user, "grade_ack", ("personnel", "judge"))
    if paper and not user.scope.allows(access.Action.GRADE_PAPER):
        raise deny(user, "grade_paper", access.COURT_WIDE)
    e = entry_of(db, year, judge)
    if not e["notice_version"]:
        raise WorkloadError("grade.no_notice", judge=judge, year=year)
    if store.writes_through_server(db) and not paper:  # the server checks, stamps and records it
        with repo.transaction(db):
            store.acknowledge_on_server(db, year, judge, opinion or "")
        return changes_of(year, year_row(db, year)["state"], f"{judge} 已签收第 {e['notice_version']} 版通知")
    with repo.transaction(db):
        values = {
            "ack_at": repo.now(db),
            "ack_opinion": (opinion or "").strip() or None,
            "ack_paper": int(paper),
            "ack_by": user.name,
        }
        store.update_entry(db, year, e["judge_id"], **values)
        audit.record(
            db,
            "grade.ack",
            f"{year} 年度考核结果通知：{judge}",
            after={"notice_version": e["notice_version"], "opinion": values["ack_opinion"], "paper": paper},
        )
    return changes_of(year, year_row(db, year)["state"], f"{judge} 已签收第 {e['notice_version']} 版通知")


# ---------------------------------------------------------------- 复核


def review_deadline(e: dict, params) -> dt.date | None:
    if not e["notice_at"]:
        return None
    return dt.date.fromisoformat(e["notice_at"][:10]) + dt.timedelta(days=params.grading.review_days)


def request_review(db: Database, year: int, judge: str, text: str, on: dt.date | None = None) -> Changes:
    """A request for review (复核) of the notified grade, within the rule set's days of the notice
    (the judge, or 人事 recording a paper request). One open request at a time."""
    user = access.current(db)
    if not access.may_write_own_grading(user, judge):
        raise deny(user, "grade_review", ("personnel", "judge"))
    text = (text or "").strip()
    if not text:
        raise WorkloadError("grade.request_empty")
    params, _ = current_params(db, year)
    e = entry_of(db, year, judge)
    deadline = review_deadline(e, params)
    if deadline is None:
        raise WorkloadError("grade.no_notice", judge=judge, year=year)
    day = on or clock.today(db)
    if day > deadline:
        raise WorkloadError(
            "grade.review_late", judge=judge, deadline=deadline.isoformat(), days=params.grading.review_days
        )
    if any(r["decided_at"] is None for r in store.reviews(db, year, e["judge_id"])):
        raise WorkloadError("grade.review_open", judge=judge)
    if store.writes_through_server(db):  # the server checks the deadline by its own clock
        with repo.transaction(db):
            store.request_review_on_server(db, year, judge, text)
        return changes_of(
            year, year_row(db, year)["state"], f"已登记 {judge} 的复核申请（期限 {deadline.isoformat()}）"
        )
    with repo.transaction(db):
        store.insert_review(
            db,
            {
                "year": year,
                "judge_id": e["judge_id"],
                "request_text": text,
                "requested_at": repo.now(db),
                "requested_by": user.name,
                "previous_grade": e["final_grade"],
            },
        )
        audit.record(
            db,
            "grade.review_request",
            f"{year} 年度考核复核：{judge}",
            after={"grade": e["final_grade"], "request": text},
        )
    return changes_of(
        year, year_row(db, year)["state"], f"已登记 {judge} 的复核申请（期限 {deadline.isoformat()}）"
    )


def decide_review(
    db: Database, year: int, judge: str, grade: str, reason: str, meeting: str | None = None
) -> Changes:
    """The committee's review decision (人事 records it). A changed grade becomes final with its
    consequences and issues a new notice (the next version, to be acknowledged again); the cap
    still holds."""
    user = access.require(db, access.Action.GRADE_DECIDE)
    grade, reason = valid_grade(grade), required_reason(reason)
    e = entry_of(db, year, judge)
    open_ = [r for r in store.reviews(db, year, e["judge_id"]) if r["decided_at"] is None]
    if not open_:
        raise WorkloadError("grade.no_review", judge=judge, year=year)
    changed = grade != e["final_grade"]
    with repo.transaction(db):
        store.decide_review(
            db,
            open_[0]["id"],
            decided_grade=grade,
            decision_reason=reason,
            decision_meeting=(meeting or "").strip() or None,
            decided_by=user.name,
            decided_at=repo.now(db),
        )
        if changed:
            c = G.consequences(grade, previous_grade(db, year, e["judge_id"]))
            store.update_entry(
                db,
                year,
                e["judge_id"],
                final_grade=grade,
                exit_warning=int(c.exit_warning),
                no_bonus=int(c.no_bonus),
                promotion_priority=int(c.promotion_priority),
                notice_version=e["notice_version"] + 1,
                notice_at=repo.now(db),
                ack_at=None,
                ack_opinion=None,
                ack_paper=0,
                ack_by=None,
            )
            if grade == G.EXCELLENT:
                check_caps(db, year, group=e["assess_group"])
        audit.record(
            db,
            "grade.review_decide",
            f"{year} 年度考核复核：{judge}",
            before={"grade": e["final_grade"], "notice_version": e["notice_version"]},
            after={
                "grade": grade,
                "reason": reason,
                "meeting": meeting,
                "notice_version": e["notice_version"] + 1 if changed else e["notice_version"],
            },
        )
    text = f"{judge} 复核决定：{grade}" + (
        "，已发新通知（第 {} 版）".format(e["notice_version"] + 1) if changed else "，维持原等次"
    )
    return changes_of(year, year_row(db, year)["state"], text)
