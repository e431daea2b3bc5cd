"""The queries table (对此有疑问): a judge's question on a case's figure, and 人事's answer.
Callers hold a transaction."""

from __future__ import annotations

import sqlite_utils

from workload_app.storage.repository import fetch_rows, now

SELECT = "SELECT * FROM queries"


def insert_query(
    db: sqlite_utils.Database, year: int, case_number: str, judge: str, question: str, asked_by: str
) -> dict:
    cur = db.conn.execute(
        "INSERT INTO queries (year, case_number, judge, question, asked_by, asked_at) VALUES (?,?,?,?,?,?)",
        (year, case_number, judge, question, asked_by, now(db)),
    )
    return query(db, int(cur.lastrowid)) or {}


def ask_on_server(db: sqlite_utils.Database, year: int, case_number: str, question: str) -> dict:
    """The court server's ``workload_ask_query``: the case must be in the login's scope; the
    judge, the asker and the time are the server's; the question is recorded in the trail."""
    query_id = db.conn.execute(
        "SELECT workload_ask_query(?, ?, ?)", (year, case_number, question)
    ).fetchone()[0]
    return query(db, int(query_id)) or {}


def query(db: sqlite_utils.Database, query_id: int) -> dict | None:
    rows = fetch_rows(db, SELECT + " WHERE id = ?", (query_id,))
    return rows[0] if rows else None


def queries(db: sqlite_utils.Database, asked_by: str | None = None) -> list[dict]:
    """Unanswered first, then the newest."""
    where, params = ("", ()) if asked_by is None else (" WHERE asked_by = ?", (asked_by,))
    return fetch_rows(
        db, SELECT + where + " ORDER BY answered_at IS NOT NULL, asked_at DESC, id DESC", params
    )


def answer_query(
    db: sqlite_utils.Database, query_id: int, answer: str, correction: str, answered_by: str
) -> None:
    db.conn.execute(
        "UPDATE queries SET answer = ?, correction = ?, answered_by = ?, answered_at = ? WHERE id = ?",
        (answer, correction, answered_by, now(db), query_id),
    )
