"""The year-end grading record (年度考核): ``grading_years``, ``grading_entries`` (one row per judge
and year) and ``grading_reviews`` (复核). Callers hold a transaction for writes."""

from __future__ import annotations

import json

import sqlite_utils

from workload_app.storage.dialect import dialect_of
from workload_app.storage.repository import fetch_rows

ENTRY_SELECT = "SELECT e.*, j.name AS judge FROM grading_entries e JOIN judges j ON j.id = e.judge_id"
# Columns a service may set on an entry (the names are the service's, never user text)
ENTRY_COLUMNS = frozenset(
    {
        "division",
        "post",
        "assess_group",
        "figures",
        "dimension_scores",
        "proposed_grade",
        "proposal_text",
        "tie",
        "summary_text",
        "summary_paper",
        "summary_at",
        "summary_by",
        "head_opinion",
        "head_opinion_by",
        "head_opinion_at",
        "decided_grade",
        "decision_reason",
        "decision_meeting",
        "decided_by",
        "decided_at",
        "decided_in_publication",
        "final_grade",
        "exit_warning",
        "no_bonus",
        "promotion_priority",
        "notice_version",
        "notice_number",
        "notice_at",
        "ack_at",
        "ack_opinion",
        "ack_paper",
        "ack_by",
    }
)
YEAR_COLUMNS = frozenset(
    {
        "state",
        "param_version",
        "cap_share",
        "cap_approval",
        "proposed_at",
        "proposed_by",
        "published_from",
        "published_to",
        "published_by",
        "confirmed_at",
        "confirmed_by",
        "notified_at",
    }
)


def grading_year(db: sqlite_utils.Database, year: int) -> dict | None:
    rows = fetch_rows(db, "SELECT * FROM grading_years WHERE year = ?", (year,))
    return rows[0] if rows else None


def grading_years(db: sqlite_utils.Database) -> list[dict]:
    return fetch_rows(db, "SELECT * FROM grading_years ORDER BY year")


def insert_year(db: sqlite_utils.Database, year: int, state: str) -> None:
    db.conn.execute("INSERT INTO grading_years (year, state) VALUES (?, ?)", (year, state))


def update_year(db: sqlite_utils.Database, year: int, **values: object) -> None:
    _check(values, YEAR_COLUMNS)
    sets = ", ".join(f"{k} = ?" for k in values)
    db.conn.execute(f"UPDATE grading_years SET {sets} WHERE year = ?", (*values.values(), year))


def entries(db: sqlite_utils.Database, year: int, judge_ids: list[int] | None = None) -> list[dict]:
    """The year's entries (each with the judge's ``judge`` name), optionally of some judges only."""
    if judge_ids is not None and not judge_ids:
        return []
    where, params = " WHERE e.year = ?", [year]
    if judge_ids is not None:
        where += f" AND e.judge_id IN ({', '.join('?' * len(judge_ids))})"
        params += judge_ids
    return fetch_rows(db, ENTRY_SELECT + where + " ORDER BY e.judge_id", tuple(params))


def judge_entries(db: sqlite_utils.Database, judge_id: int) -> list[dict]:
    """Every year's entry of one judge, oldest first (the multi-year view)."""
    return fetch_rows(db, ENTRY_SELECT + " WHERE e.judge_id = ? ORDER BY e.year", (judge_id,))


def past_grades(db: sqlite_utils.Database, year: int) -> list[dict]:
    """(judge_id, year, final_grade) of every confirmed grade before ``year``, oldest first."""
    return fetch_rows(
        db,
        "SELECT judge_id, year, final_grade FROM grading_entries"
        " WHERE year < ? AND final_grade IS NOT NULL ORDER BY year",
        (year,),
    )


def entry(db: sqlite_utils.Database, year: int, judge_id: int) -> dict | None:
    rows = fetch_rows(db, ENTRY_SELECT + " WHERE e.year = ? AND e.judge_id = ?", (year, judge_id))
    return rows[0] if rows else None


def insert_entry(db: sqlite_utils.Database, year: int, judge_id: int, **values: object) -> None:
    _check(values, ENTRY_COLUMNS)
    cols = ["year", "judge_id", *values]
    db.conn.execute(
        f"INSERT INTO grading_entries ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        (year, judge_id, *values.values()),
    )


def update_entry(db: sqlite_utils.Database, year: int, judge_id: int, **values: object) -> None:
    _check(values, ENTRY_COLUMNS)
    sets = ", ".join(f"{k} = ?" for k in values)
    db.conn.execute(
        f"UPDATE grading_entries SET {sets} WHERE year = ? AND judge_id = ?",
        (*values.values(), year, judge_id),
    )


def insert_review(db: sqlite_utils.Database, review: dict) -> None:
    cols = list(review)
    db.conn.execute(
        f"INSERT INTO grading_reviews ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        tuple(review.values()),
    )


def reviews(db: sqlite_utils.Database, year: int, judge_id: int | None = None) -> list[dict]:
    sql = "SELECT r.*, j.name AS judge FROM grading_reviews r JOIN judges j ON j.id = r.judge_id WHERE r.year = ?"
    params: tuple = (year,)
    if judge_id is not None:
        sql += " AND r.judge_id = ?"
        params += (judge_id,)
    return fetch_rows(db, sql + " ORDER BY r.id", params)


def decide_review(db: sqlite_utils.Database, review_id: int, **values: object) -> None:
    allowed = {"decided_grade", "decision_reason", "decision_meeting", "decided_by", "decided_at"}
    _check(values, frozenset(allowed))
    sets = ", ".join(f"{k} = ?" for k in values)
    db.conn.execute(f"UPDATE grading_reviews SET {sets} WHERE id = ?", (*values.values(), review_id))


def _check(values: dict, allowed: frozenset[str]) -> None:
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"unknown grading columns {sorted(unknown)}")


# ---------------------------------------------------------------- a restricted login's own writes


def writes_through_server(db: sqlite_utils.Database) -> bool:
    """A 法官's or 庭长's login on the court server: it holds no privilege on the grading tables, so
    its summary, acknowledgement, review request and opinion go through the server's functions
    (roles.sql), which check the row, stamp the account and the time and write the audit row."""
    return dialect_of(db).enforces_scope and bool(getattr(db.conn, "restricted", False))


def _on_server(db: sqlite_utils.Database, sql: str, args: tuple, judge: str) -> None:
    """Run one of the functions; a rule the state breaks (22023) is the program's own coded error
    (the code in the hint, its arguments in the detail), a row not the login's the server's refusal."""
    import psycopg

    from workload_app.core import messages
    from workload_app.core.grading import STATE_LABELS
    from workload_app.core.problems import WorkloadError

    try:
        db.conn.execute(sql, args)
    except psycopg.errors.InvalidParameterValue as exc:
        code = exc.diag.message_hint or ""
        if code.startswith("grade.") and code in messages.MESSAGES:
            arguments = json.loads(exc.diag.message_detail or "{}")
            if "state" in arguments:
                arguments["state"] = STATE_LABELS.get(arguments["state"], arguments["state"])
            raise WorkloadError(code, year=args[0], judge=judge, **arguments) from exc
        raise WorkloadError(
            "server.grade_refused", judge=judge, detail=exc.diag.message_primary or ""
        ) from exc
    except psycopg.errors.InsufficientPrivilege as exc:
        raise WorkloadError(
            "server.grade_refused", judge=judge, detail=exc.diag.message_primary or ""
        ) from exc


def summary_on_server(db: sqlite_utils.Database, year: int, judge: str, text: str) -> None:
    _on_server(db, "SELECT workload_grade_summary(?, ?)", (year, text), judge)


def acknowledge_on_server(db: sqlite_utils.Database, year: int, judge: str, opinion: str) -> None:
    _on_server(db, "SELECT workload_grade_acknowledge(?, ?)", (year, opinion), judge)


def request_review_on_server(db: sqlite_utils.Database, year: int, judge: str, text: str) -> None:
    _on_server(db, "SELECT workload_grade_request_review(?, ?)", (year, text), judge)


def opinion_on_server(db: sqlite_utils.Database, year: int, judge: str, text: str) -> None:
    _on_server(db, "SELECT workload_grade_opinion(?, ?, ?)", (year, judge, text), judge)
