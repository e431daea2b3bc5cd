"""The queries table (对此有疑问): a question on a case's figure, or on a judge's quota or figures,
and 人事's answer. Callers hold a transaction."""

from __future__ import annotations

import sqlite_utils

from workload_app.storage.repository import fetch_rows, now

SELECT = "SELECT * FROM queries"


def insert_query(
    db: sqlite_utils.Database,
    year: int,
    case_number: str,
    judge: str,
    question: str,
    asked_by: str,
    asked_by_name: str,
    kind: str = "case",
) -> dict:
    cur = db.conn.execute(
        """INSERT INTO queries (year, case_number, judge, question, asked_by, asked_at, kind, asked_by_name)
           VALUES (?,?,?,?,?,?,?,?)""",
        (year, case_number, judge, question, asked_by, now(db), kind, asked_by_name),
    )
    return query(db, int(cur.lastrowid)) or {}


def ask_on_server(db: sqlite_utils.Database, year: int, case_number: str, question: str) -> dict:
    """The court server's ``workload_ask_query``: the case must be in the login's scope; the
    judge, the asker and the time are the server's; the question is recorded in the trail."""
    query_id = db.conn.execute(
        "SELECT workload_ask_query(?, ?, ?)", (year, case_number, question)
    ).fetchone()[0]
    return query(db, int(query_id)) or {}


def ask_about_judge_on_server(
    db: sqlite_utils.Database, year: int, kind: str, judge: str, question: str
) -> dict:
    """The court server's ``workload_ask_about_judge``: the judge must be the login's own (a
    庭长's: or of its division); the asker, their name and the time are the server's; recorded in
    the trail."""
    query_id = db.conn.execute(
        "SELECT workload_ask_about_judge(?, ?, ?, ?)", (year, kind, judge, question)
    ).fetchone()[0]
    return query(db, int(query_id)) or {}


def query(db: sqlite_utils.Database, query_id: int) -> dict | None:
    rows = fetch_rows(db, SELECT + " WHERE id = ?", (query_id,))
    return rows[0] if rows else None


def queries(
    db: sqlite_utils.Database, asked_by: str | None = None, judges: list[str] | None = None
) -> list[dict]:
    """Unanswered first, then the newest. ``asked_by``: only those it asked, and those about
    ``judges`` (their cases, quotas or figures); None: every query."""
    where, params = "", ()
    if asked_by is not None:
        names = list(judges or [])
        marks = ",".join("?" * len(names))
        where = " WHERE asked_by = ?" + (f" OR judge IN ({marks})" if names else "")
        params = (asked_by, *names)
    return fetch_rows(
        db, SELECT + where + " ORDER BY answered_at IS NOT NULL, asked_at DESC, id DESC", params
    )


def answer_query(
    db: sqlite_utils.Database,
    query_id: int,
    answer: str,
    correction: str,
    answered_by: str,
    answered_by_name: str,
) -> None:
    db.conn.execute(
        """UPDATE queries SET answer = ?, correction = ?, answered_by = ?, answered_at = ?,
               answered_by_name = ? WHERE id = ?""",
        (answer, correction, answered_by, now(db), answered_by_name, query_id),
    )
