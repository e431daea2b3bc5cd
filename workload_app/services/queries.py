"""对此有疑问: a judge (or anyone who may see a case) records a question on its figure; 人事 (or 管理员)
sees every open question and answers it, noting any correction. Question, answer and correction
are audited."""

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
    "id", "asked_at", "case_number", "judge", "asked_by", "question",
    "answer", "correction", "answered_by", "answered_at",
]  # fmt: skip


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
    answer: str | None = None
    correction: str | None = None
    answered_by: str | None = None
    answered_at: str | None = None

    @classmethod
    def of(cls, row: dict) -> QuerySummary:
        return cls(**{f: row[f] for f in cls.__dataclass_fields__ if f in row})


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
        row = store.insert_query(db, year, case_number, judge, question, me.login)
        audit.record(
            db, "query.ask", case_number, after={"question": question, "year": year, "id": row["id"]}
        )
    return Changes(summary=QuerySummary.of(row))


def listing(db: Database) -> pd.DataFrame:
    """Every query for 人事/管理员 (open ones first); one's own for anyone else. ``answered`` says
    whether it has an answer; an absent answer, correction or time is None, never NaN (pandas
    turns a None among texts into NaN, which is true and prints as "nan")."""
    me = access.current(db)
    rows = store.queries(db, None if me.scope.allows(access.Action.READ_COURT) else me.login)
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "year"])[COLUMNS].astype(object)
    frame = frame.where(frame.notna(), None)
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
        store.answer_query(db, query_id, text, correction.strip(), me.login)
        after = store.query(db, query_id) or {}
        audit.record(
            db,
            "query.answer",
            before["case_number"],
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
