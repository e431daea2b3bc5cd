"""对此有疑问: a judge (or anyone who may see a case) records a question on its figure, or on a
judge's quota and monthly targets (年度任务/月度目标) or figures; 人事 (or 管理员) sees every open
question and answers it, noting any correction. Question, answer and correction are audited.

Who may ask about a judge is who may see that judge (``access.may_see_judge``): a 法官 their own
quota and figures, a 庭长 their own and their division's judges', 管理员 and 人事 anyone's. Asker
and answerer are stored with the name they are shown by (``shown_name``); on the court server the
server stamps both, and checks the same scope (``workload_ask_about_judge``)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workload_app.core.problems import WorkloadError
from workload_app.services import access, audit
from workload_app.services import standard_cases as S
from workload_app.services.changes import Changes, Summary
from workload_app.storage import audit_trail
from workload_app.storage import queries as store
from workload_app.storage import repository as repo
from workload_app.storage.db import Database

COLUMNS = [
    "id", "asked_at", "kind", "case_number", "judge", "asked_by", "asked_by_name", "question",
    "answer", "correction", "answered_by", "answered_by_name", "answered_at",
]  # fmt: skip
CASE, QUOTA, FIGURES = "case", "quota", "figures"  # what a query is about
KINDS = (CASE, QUOTA, FIGURES)


@dataclass(frozen=True)
class QuerySummary(Summary):
    """One query as stored, after asking or answering it."""

    id: int
    year: int
    case_number: str
    judge: str
    question: str
    asked_by: str
    asked_at: str
    kind: str = CASE
    asked_by_name: str | None = None
    answer: str | None = None
    correction: str | None = None
    answered_by: str | None = None
    answered_by_name: str | None = None
    answered_at: str | None = None

    @classmethod
    def of(cls, row: dict) -> QuerySummary:
        return cls(**{f: row[f] for f in cls.__dataclass_fields__ if f in row})


def shown_name(user: access.User) -> str:
    """How an asker or answerer is shown: the linked judge's name, else the account's display
    name, else the login (the server's ``workload_account_shown_name``)."""
    return user.judge or user.display_name or user.login


def ask(db: Database, year: int, case_number: str, question: str) -> Changes:
    """Record a question on a case the acting user may see (their own, for a judge)."""
    me = access.current(db)
    question = question.strip()
    if not question:
        raise WorkloadError("query.question_required")
    merged, _, _ = S.results(db, year)  # only the cases this user may see
    case = merged[merged["case_number"] == case_number]
    if case.empty:
        raise access.AccessDenied("access.query_case", role=me.role, user=me.name, case=case_number)
    judge = str(case["judge"].iloc[0] or "")
    if audit_trail.server_writes_trail(db):  # asked in the login's name at the server's time, recorded there
        with repo.transaction(db):
            row = store.ask_on_server(db, year, case_number, question)
        return Changes(summary=QuerySummary.of(row))
    with repo.transaction(db):
        row = store.insert_query(db, year, case_number, judge, question, me.login, shown_name(me))
        audit.record(
            db, "query.ask", case_number, after={"question": question, "year": year, "id": row["id"]}
        )
    return Changes(summary=QuerySummary.of(row))


def ask_about(db: Database, year: int, kind: str, question: str, judge: str | None = None) -> Changes:
    """Record a question about a judge's quota and monthly targets (``QUOTA``) or figures
    (``FIGURES``): one's own (``judge`` None: the account's linked judge), or for a 庭长 a judge of
    the division, for 人事/管理员 any judge."""
    me = access.current(db)
    if kind not in (QUOTA, FIGURES):
        raise WorkloadError("query.kind", kind=kind)
    question = question.strip()
    if not question:
        raise WorkloadError("query.about_required")
    judge = judge or me.judge
    if not judge:
        raise WorkloadError("query.no_judge", user=me.name)
    roster = repo.judges_frame(db)
    division = roster.loc[roster["name"] == judge, "division"]
    if division.empty or not access.may_see_judge(db, judge, division.iloc[0]):
        raise access.AccessDenied("access.query_judge", role=me.role, user=me.name, judge=judge)
    if audit_trail.server_writes_trail(db):  # asked in the login's name at the server's time, recorded there
        with repo.transaction(db):
            row = store.ask_about_judge_on_server(db, year, kind, judge, question)
        return Changes(summary=QuerySummary.of(row))
    with repo.transaction(db):
        row = store.insert_query(db, year, "", judge, question, me.login, shown_name(me), kind)
        audit.record(
            db,
            "query.ask",
            judge,
            after={"id": row["id"], "kind": kind, "question": question, "year": year},
        )
    return Changes(summary=QuerySummary.of(row))


def listing(db: Database) -> pd.DataFrame:
    """Every query for 人事/管理员 (open ones first); for anyone else their own and those about the
    judges they may see (as the court server's scope shows them). ``answered`` says whether it has
    an answer; an absent answer, correction or time is None, never NaN (pandas turns a None among
    texts into NaN, which is true and prints as "nan"). ``asked_by_name``/``answered_by_name``
    fall back to the login for a query stored without a name."""
    me = access.current(db)
    judges = None
    if not me.scope.allows(access.Action.READ_COURT):
        judges = list(access.visible_people(me, repo.judges_frame(db), "name")["name"])
    rows = store.queries(db, None if me.scope.allows(access.Action.READ_COURT) else me.login, judges)
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "year"])[COLUMNS].astype(object)
    frame = frame.where(frame.notna(), None)
    for name, login in (("asked_by_name", "asked_by"), ("answered_by_name", "answered_by")):
        frame[name] = [n or w for n, w in zip(frame[name], frame[login], strict=True)]
    frame["answered"] = [a is not None for a in frame["answered_at"]]
    return frame


def answer(db: Database, query_id: int, text: str, correction: str = "") -> Changes:
    """Answer a query (人事 or 管理员), noting what was corrected, if anything."""
    me = access.require(db, access.Action.ANSWER_QUERIES)
    text = text.strip()
    if not text:
        raise WorkloadError("query.answer_required")
    before = store.query(db, query_id)
    if before is None:
        raise WorkloadError("query.not_found", query=query_id)
    with repo.transaction(db):
        store.answer_query(db, query_id, text, correction.strip(), me.login, shown_name(me))
        after = store.query(db, query_id) or {}
        audit.record(
            db,
            "query.answer",
            before["case_number"] or before["judge"],
            before={
                "question": before["question"],
                "answer": before["answer"],
                "correction": before["correction"],
            },
            after={
                "question": after["question"],
                "answer": after["answer"],
                "correction": after["correction"],
            },
        )
    return Changes(summary=QuerySummary.of(after))
