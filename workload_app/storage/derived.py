"""Figures derived from a computation's results, stored beside them in the same transaction
(migration 15): each judge's credit per month and through each month (``judge_credit``) and
the reasons of the held cases (``held_reasons``). Readers take them only from a computation
marked ``derived``; one stored before the table existed is read the long way."""

from __future__ import annotations

import json
from collections.abc import Iterable

import pandas as pd
import sqlite_utils

from workload_app.storage import case_columns
from workload_app.storage import repository as repo
from workload_app.storage.pg import is_server

CREDIT_COLUMNS = ["judge", "cases", "sc_trial", "sc_enforcement"]


def save(
    db: sqlite_utils.Database,
    computation_id: int,
    credit: Iterable[tuple[str, int, pd.DataFrame]],
    held: dict[int, str],
) -> None:
    """``credit``: (kind 'month' | 'to_month', month, credit_by_judge's frame) ; ``held``: case
    id -> reason. Call inside the transaction that saved the computation."""
    conn = db.conn
    rows = []
    for kind, month, frame in credit:
        rows.extend(
            (computation_id, kind, int(month), pos, j, int(n), float(t), float(e))
            for pos, (j, n, t, e) in enumerate(zip(*(frame[c].tolist() for c in CREDIT_COLUMNS), strict=True))
        )
    repo.insert_rows(
        db,
        "judge_credit",
        ("computation_id", "kind", "month", "pos", "judge", "cases", "sc_trial", "sc_enforcement"),
        rows,
        plain=True,  # Python ints, floats and str as made above
    )
    repo.insert_rows(
        db,
        "held_reasons",
        ("computation_id", "case_id", "reason"),
        ((computation_id, int(k), v) for k, v in held.items()),
        plain=True,
    )
    conn.execute("UPDATE computations SET derived = 1 WHERE id = ?", (computation_id,))


def credit(
    db: sqlite_utils.Database, computation_id: int, kind: str, month: int | None = None
) -> pd.DataFrame:
    """The stored frame(s): with ``month``, that month's credit_by_judge frame (judge, cases,
    sc_trial, sc_enforcement); without, every month's in month order, with a ``month`` column."""
    where = "computation_id = ? AND kind = ?" + (" AND month = ?" if month is not None else "")
    args = (computation_id, kind) + ((int(month),) if month is not None else ())
    cols = ", ".join(CREDIT_COLUMNS) + ("" if month is not None else ", month")
    out = repo.frame(db, f"SELECT {cols} FROM judge_credit WHERE {where} ORDER BY month, pos", args)
    if out.empty:
        out = pd.DataFrame(
            {
                "judge": pd.Series(dtype=object),
                "cases": pd.Series(dtype=int),
                "sc_trial": pd.Series(dtype=float),
                "sc_enforcement": pd.Series(dtype=float),
                **({} if month is not None else {"month": pd.Series(dtype=int)}),
            }
        )
    return out


def held_reasons(db: sqlite_utils.Database, computation_id: int, case_ids: list[int]) -> dict[int, str]:
    if not case_ids:
        return {}
    marks = ",".join("?" * len(case_ids))
    return dict(
        db.conn.execute(
            f"SELECT case_id, reason FROM held_reasons WHERE computation_id = ? AND case_id IN ({marks})",
            (computation_id, *case_ids),
        ).fetchall()
    )


def load_judge_cases(db: sqlite_utils.Database, closed_year: int, judge: str) -> pd.DataFrame:
    """The cases of ``closed_year`` a judge handled (承办, through ``idx_cases_judge``) or whose
    panel text names them (``idx_cases_panel``; the caller checks the panel exactly): the columns, values and
    order of ``case_columns.load_year_cases``, a judge's share of the read."""
    out = case_columns.read_frame(
        db,
        repo.CASE_SELECT
        + """ WHERE c.id IN (
                 SELECT id FROM cases WHERE closed_year = ? AND judge_id = (SELECT id FROM judges WHERE name = ?)
                 UNION ALL  -- idx_cases_panel: the year's panels scanned in the index, not the rows
                 SELECT id FROM cases WHERE closed_year = ? AND instr(panel, ?) > 0)""",
        (closed_year, judge, closed_year, judge),
        "case_id",
    )
    if out.empty:
        return case_columns.load_year_cases(db, -1)
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    out["approved"] = out["approved"].map({1: True, 0: False})
    return out


def load_results_of(db: sqlite_utils.Database, computation_id: int, case_ids: list[int]) -> pd.DataFrame:
    """``case_columns.load_results`` for the given cases only."""
    sql = (
        f"SELECT {', '.join(repo.RESULT_COLUMNS)} FROM case_results WHERE computation_id = ? "
        "AND case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id"
    )
    return case_columns.read_frame(db, sql, (computation_id, json.dumps([int(i) for i in case_ids])))


def judge_case_flow(db: sqlite_utils.Database, judge: str, start: str, end: str) -> pd.DataFrame:
    """``repository.case_flow`` for one judge: their cases through ``idx_cases_judge``."""
    return repo.frame(
        db,
        """SELECT j.name AS judge,
                  SUM(CASE WHEN c.filed_on < :start AND (c.closed_on IS NULL OR c.closed_on >= :start) THEN 1 ELSE 0 END) AS carried,
                  SUM(CASE WHEN c.filed_on >= :start AND c.filed_on <= :end THEN 1 ELSE 0 END) AS filed,
                  SUM(CASE WHEN c.closed_on >= :start AND c.closed_on <= :end THEN 1 ELSE 0 END) AS closed,
                  SUM(CASE WHEN c.filed_on <= :end AND (c.closed_on IS NULL OR c.closed_on > :end) THEN 1 ELSE 0 END) AS pending
           FROM cases c JOIN judges j ON j.id = c.judge_id WHERE j.name = :judge GROUP BY j.name""",
        {"start": start, "end": end, "judge": judge},
    )


def load_compute_cases(db: sqlite_utils.Database, closed_year: int) -> pd.DataFrame:
    """``case_columns.load_engine_cases`` plus what crediting needs (judge, panel, closed_month):
    the year a computation reads once for its results and its per-judge credit. The judge's
    name comes from one lookup of the roster, not a string per row."""
    out = case_columns.read_frame(
        db,
        case_columns.ENGINE_SELECT.replace(
            "c.approved", "c.approved, c.judge_id, c.panel, c.closed_month, c.closed_on"
        )
        + " WHERE c.closed_year = ?",
        (closed_year,),
        "case_id",
        columnar=True,  # the year a computation reads: as Arrow columns on the server
    )
    if out.empty:
        out = case_columns.load_engine_cases(db, -1)
        for c, kind in (
            ("judge_id", int),
            ("panel", object),
            ("closed_month", int),
            ("closed_on", object),
            ("judge", object),
        ):
            out[c] = pd.Series(dtype=kind)
        return out
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    out["approved"] = out["approved"].map({1: True, 0: False})
    names = dict(db.conn.execute("SELECT id, name FROM judges").fetchall())
    out["judge"] = out["judge_id"].map(names)
    return out


# ---------------------------------------------------------------- a reference year's averages

_TRIGGERS = 6  # migration 15's year_version_* triggers: without them no version can be trusted
_SERVER_TRIGGERS = (
    4  # the server's: a statement trigger per event on cases (0027), a row trigger on page_reviews
)


def year_version(db: sqlite_utils.Database, closed_year: int) -> int | None:
    """How many times the cases of ``closed_year`` (or reviewers' decisions on them) changed;
    None when the triggers that count it are missing (then nothing cached is trusted)."""
    if is_server(db):
        n = db.conn.execute(
            "SELECT COUNT(*) FROM pg_trigger WHERE tgname LIKE 'year_version_%' AND tgenabled <> 'D'"
        ).fetchone()[0]
    else:
        n = db.conn.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'year_version_%'"
        ).fetchone()[0]
    if n != (_SERVER_TRIGGERS if is_server(db) else _TRIGGERS):
        return None
    row = db.conn.execute(
        "SELECT version FROM year_versions WHERE closed_year = ?", (closed_year,)
    ).fetchone()
    return int(row[0]) if row else 0


def cached_averages(db: sqlite_utils.Database, reference_year: int, params_key: str) -> dict | None:
    """The averages stored for (reference year, parameters) if that year has not changed since."""
    version = year_version(db, reference_year)
    if version is None:
        return None
    row = db.conn.execute(
        "SELECT averages FROM reference_averages WHERE reference_year = ? AND params_key = ? AND year_version = ?",
        (reference_year, params_key, version),
    ).fetchone()
    return json.loads(row[0]) if row else None


def save_averages(
    db: sqlite_utils.Database, reference_year: int, params_key: str, version: int | None, averages: dict
) -> None:
    """Keep ``averages`` read at ``version`` (taken before the cases were read: a change made
    meanwhile leaves the row already out of date)."""
    if version is None:
        return
    db.conn.execute(
        """INSERT INTO reference_averages (reference_year, params_key, year_version, averages) VALUES (?,?,?,?)
           ON CONFLICT (reference_year, params_key) DO UPDATE SET year_version = excluded.year_version,
           averages = excluded.averages""",
        (reference_year, params_key, version, json.dumps(averages, ensure_ascii=False)),
    )


# ---------------------------------------------------------------- one judge's own view (我的工作量)

_JUDGE_CASE_IDS = """
    SELECT id FROM cases WHERE closed_year = :year AND judge_id = (SELECT id FROM judges WHERE name = :judge)
    UNION ALL  -- idx_cases_panel: the year's panels scanned in the index, not the rows
    SELECT id FROM cases WHERE closed_year = :year AND instr(panel, :judge) > 0"""


def load_judge_case_list(
    db: sqlite_utils.Database, computation_id: int, closed_year: int, judge: str
) -> pd.DataFrame:
    """The list 我的工作量 shows, for the cases ``load_judge_cases`` finds (the caller checks the
    panel exactly), in case id order: what the list shows and credits (case id, number, cause,
    closing date and month, type code, category, judge, panel) with the computation's unit, SC,
    rule and flags (NULL when the case has no result) — not the pages and text the explanation
    of a case needs (``load_cases_by_id``)."""
    out = case_columns.read_frame(
        db,
        """SELECT c.id AS case_id, c.case_number, c.type_code, c.category, c.cause, c.closed_on,
                  c.closed_month, c.panel, j.name AS judge, r.unit, r.sc, r.rule, r.flags
           FROM cases c JOIN judges j ON j.id = c.judge_id
           LEFT JOIN case_results r ON r.computation_id = :comp AND r.case_id = c.id
           WHERE c.id IN ("""
        + _JUDGE_CASE_IDS
        + ")",
        {"comp": computation_id, "year": closed_year, "judge": judge},
        "case_id",
        columnar=True,  # a 1M court's judge: 26,000 cases
    )
    if out.empty:
        out = pd.DataFrame(
            {
                **{c: pd.Series(dtype=object) for c in ("case_number", "type_code", "category", "cause")},
                "case_id": pd.Series(dtype=int),
                "closed_on": pd.Series(dtype=object),
                "closed_month": pd.Series(dtype=int),
                **{c: pd.Series(dtype=object) for c in ("panel", "judge", "unit")},
                "sc": pd.Series(dtype=float),
                "rule": pd.Series(dtype=int),
                "flags": pd.Series(dtype=int),
            }
        )
    return out


def load_cases_by_id(db: sqlite_utils.Database, case_ids: list[int]) -> pd.DataFrame:
    """``case_columns.load_year_cases``' columns and values for the given cases, in case id order."""
    if not case_ids:
        return case_columns.load_year_cases(db, -1)
    out = case_columns.read_frame(
        db,
        repo.CASE_SELECT + " WHERE c.id IN (SELECT value FROM json_each(?))",
        (json.dumps([int(i) for i in case_ids]),),
        "case_id",
    )
    if out.empty:
        return case_columns.load_year_cases(db, -1)
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    out["approved"] = out["approved"].map({1: True, 0: False})
    return out
