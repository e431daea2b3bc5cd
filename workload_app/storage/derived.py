"""Figures derived from a computation's results, stored beside them in the same transaction
(migration 15): each judge's credit per month and through each month (``judge_credit``) and
the reasons of the held cases (``held_reasons``). Readers take them only from a computation
marked ``derived``; one stored before the table existed is read the long way."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable

import pandas as pd
import sqlite_utils

from workload_app.storage import case_columns
from workload_app.storage import repository as repo
from workload_app.storage.dialect import dialect_of

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
                 SELECT id FROM cases WHERE closed_year = ? AND """
        + dialect_of(db).contains("panel", "?")
        + ")",
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
        f"AND case_id IN ({dialect_of(db).id_list()}) ORDER BY case_id"
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


def load_compute_cases(
    db: sqlite_utils.Database, closed_year: int, case_ids: list[int] | None = None
) -> pd.DataFrame:
    """``case_columns.load_engine_cases`` plus what crediting needs (judge, panel, closed_month):
    the year a computation reads once for its results and its per-judge credit. The judge's
    name comes from one lookup of the roster, not a string per row. ``case_ids``: only those
    cases of the year (an action's incremental update)."""
    where, args = " WHERE c.closed_year = ?", [closed_year]
    if case_ids is not None:
        where += f" AND c.id IN ({dialect_of(db).id_list()})"
        args.append(_ids(case_ids))
    out = case_columns.read_frame(
        db,
        case_columns.ENGINE_SELECT.replace(
            "c.approved", "c.approved, c.judge_id, c.panel, c.closed_month, c.closed_on"
        )
        + where,
        tuple(args),
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

# migration 15's year_version_* triggers: without them no version can be trusted. The file has
# six; the server four (a statement trigger per event on cases, 0027; a row trigger on page_reviews).
_TRIGGERS = {"sqlite": 6, "postgresql": 4}


def year_version(db: sqlite_utils.Database, closed_year: int) -> int | None:
    """How many times the cases of ``closed_year`` (or reviewers' decisions on them) changed;
    None when the triggers that count it are missing (then nothing cached is trusted)."""
    dialect = dialect_of(db)
    if dialect.count_triggers(db.conn, "year_version_%") != _TRIGGERS[dialect.name]:
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


def _judge_case_ids(db: sqlite_utils.Database) -> str:
    return """
    SELECT id FROM cases WHERE closed_year = :year AND judge_id = (SELECT id FROM judges WHERE name = :judge)
    UNION ALL  -- idx_cases_panel: the year's panels scanned in the index, not the rows
    SELECT id FROM cases WHERE closed_year = :year AND """ + dialect_of(db).contains("panel", ":judge")


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
        + _judge_case_ids(db)
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
        repo.CASE_SELECT + f" WHERE c.id IN ({dialect_of(db).id_list()})",
        (json.dumps([int(i) for i in case_ids]),),
        "case_id",
    )
    if out.empty:
        return case_columns.load_year_cases(db, -1)
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    out["approved"] = out["approved"].map({1: True, 0: False})
    return out


# ---------------------------------------------------------------- an action's incremental update (services.figures)


def case_keys(db: sqlite_utils.Database, case_ids: list[int]) -> pd.DataFrame:
    """What decides which figures a case moves: case_id, closed_year, type_code, judge_id, panel."""
    if not case_ids:
        return pd.DataFrame({c: [] for c in ("case_id", "closed_year", "type_code", "judge_id", "panel")})
    return repo.frame(
        db,
        "SELECT id AS case_id, closed_year, type_code, judge_id, panel FROM cases "
        f"WHERE id IN ({dialect_of(db).id_list()}) ORDER BY id",
        (json.dumps([int(i) for i in case_ids]),),
    )


def judge_case_keys(db: sqlite_utils.Database, judge_ids: list[int]) -> pd.DataFrame:
    """``case_keys`` of every closed case of the given responsible judges (``idx_cases_judge``)."""
    return repo.frame(
        db,
        "SELECT id AS case_id, closed_year, type_code, judge_id, panel FROM cases "
        f"WHERE judge_id IN ({dialect_of(db).id_list()}) AND closed_year IS NOT NULL ORDER BY id",
        (json.dumps([int(i) for i in judge_ids]),),
    )


def _ids(case_ids: list[int]) -> str:
    return json.dumps([int(i) for i in case_ids])


def replace_results(
    db: sqlite_utils.Database, computation_id: int, rows: pd.DataFrame | None, case_ids: list[int]
) -> None:
    """The computation's result rows of ``case_ids`` replaced by ``rows`` (a subset of them; the
    others removed). Call inside the transaction of the change."""
    db.conn.execute(
        f"DELETE FROM case_results WHERE computation_id = ? AND case_id IN ({dialect_of(db).id_list()})",
        (computation_id, _ids(case_ids)),
    )
    if rows is not None and len(rows):
        columns = case_columns.result_lists(rows)
        repo.insert_rows(
            db,
            "case_results",
            ("computation_id", *repo.RESULT_COLUMNS),
            zip(itertools.repeat(computation_id, len(rows)), *columns, strict=True),
            plain=True,
        )


def replace_held_reasons(
    db: sqlite_utils.Database, computation_id: int, held: dict[int, str], case_ids: list[int]
) -> None:
    """The held reasons of ``case_ids`` made those of ``held`` (only the rows that differ written)."""
    stored = held_reasons(db, computation_id, case_ids)
    wanted = {int(k): v for k, v in held.items()}
    gone = [k for k, v in stored.items() if wanted.get(k) != v]
    new = [(computation_id, k, v) for k, v in wanted.items() if stored.get(k) != v]
    if gone:
        db.conn.execute(
            f"DELETE FROM held_reasons WHERE computation_id = ? AND case_id IN ({dialect_of(db).id_list()})",
            (computation_id, _ids(gone)),
        )
    if new:
        db.conn.execute(
            f"DELETE FROM held_reasons WHERE computation_id = ? AND case_id IN ({dialect_of(db).id_list()})",
            (computation_id, _ids([r[1] for r in new])),
        )
        repo.insert_rows(db, "held_reasons", ("computation_id", "case_id", "reason"), new, plain=True)


def credit_rows(db: sqlite_utils.Database, computation_id: int, with_pos: bool = False) -> list[tuple]:
    """The computation's stored credit rows: (kind, month, [pos,] judge, cases, sc_trial, sc_enforcement)."""
    cols = "kind, month, " + ("pos, " if with_pos else "") + "judge, cases, sc_trial, sc_enforcement"
    return [
        tuple(r)
        for r in db.conn.execute(
            f"SELECT {cols} FROM judge_credit WHERE computation_id = ?", (computation_id,)
        )
    ]


def replace_credit(db: sqlite_utils.Database, computation_id: int, rows: list[tuple]) -> None:
    """The computation's credit rows made ``rows`` ((kind, month, pos, judge, cases, trial,
    enforcement)): a few rows per judge, written whole."""
    db.conn.execute("DELETE FROM judge_credit WHERE computation_id = ?", (computation_id,))
    repo.insert_rows(
        db,
        "judge_credit",
        ("computation_id", "kind", "month", "pos", "judge", "cases", "sc_trial", "sc_enforcement"),
        [(computation_id, *r) for r in rows],
        plain=True,
    )


def stamp(db: sqlite_utils.Database, computation_id: int) -> None:
    """The computation marked as of the case data as it now is (``created_at``: when its figures
    were last brought up to date, what a restricted login's note on the server says)."""
    db.conn.execute(
        "UPDATE computations SET cases_version = ?, created_at = ? WHERE id = ?",
        (repo.cases_version(db), repo.now(), computation_id),
    )


def set_case_count(db: sqlite_utils.Database, computation_id: int, closed_year: int) -> None:
    db.conn.execute(
        "UPDATE computations SET case_count = (SELECT COUNT(*) FROM case_results WHERE computation_id = ?) WHERE id = ?",
        (computation_id, computation_id),
    )


def batch_case_ids(db: sqlite_utils.Database, batch_id: int) -> list[int]:
    """The cases an import batch added or changed."""
    return [
        int(r[0])
        for r in db.conn.execute(
            "SELECT id FROM cases WHERE batch_id = ? UNION SELECT case_id FROM case_history WHERE batch_id = ?",
            (batch_id, batch_id),
        )
    ]


def load_group_pages(
    db: sqlite_utils.Database, computation_id: int, closed_year: int, type_codes: list[str]
) -> pd.DataFrame:
    """What the outlier test needs of every case of the year's ``type_codes`` (the page medians
    are taken per type code over the closing year): case_id, type_code, the three page counts,
    and the computation's stored flags (NULL where the case has no result yet), in case order."""
    out = case_columns.read_frame(
        db,
        f"""SELECT c.id AS case_id, c.type_code, c.file_pages, c.transcript_pages, c.judgment_pages, r.flags
            FROM cases c LEFT JOIN case_results r ON r.computation_id = ? AND r.case_id = c.id
            WHERE c.closed_year = ? AND c.type_code IN ({", ".join("?" * len(type_codes))})""",
        (computation_id, closed_year, *type_codes),
        "case_id",
    )
    if out.empty:
        out = pd.DataFrame(
            {
                "case_id": pd.Series(dtype=int),
                "type_code": pd.Series(dtype=object),
                **{c: pd.Series(dtype=float) for c in ("file_pages", "transcript_pages", "judgment_pages")},
                "flags": pd.Series(dtype=float),
            }
        )
    for c in ("file_pages", "transcript_pages", "judgment_pages", "flags"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    return out


def load_credit_codes(db: sqlite_utils.Database, closed_year: int, computation_id: int) -> pd.DataFrame:
    """What the responsible judges' credit needs of a year, narrower than
    ``case_columns.load_credit_columns``: case_id, judge (one roster lookup, not a string per
    row), closed_month and the computation's unit, sc and flags; the same rows and order."""
    out = case_columns.read_frame(
        db,
        """SELECT c.id AS case_id, c.judge_id, c.closed_month, r.unit, r.sc, r.flags
           FROM cases c LEFT JOIN case_results r ON r.computation_id = ? AND r.case_id = c.id
           WHERE c.closed_year = ?""",
        (computation_id, closed_year),
        "case_id",
    )
    if out.empty:
        return out
    names = dict(db.conn.execute("SELECT id, name FROM judges").fetchall())
    out.insert(1, "judge", out.pop("judge_id").map(names))
    return out
