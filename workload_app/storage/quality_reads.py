"""The cases a 质效 period needs, read by column (``case_columns.read_frame``) with only the
columns ``core.quality`` computes from: the whole court's, or one judge's through the judge
index; and the few columns the long-pending list shows, for the cases in it."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import sqlite_utils

from workload_app.storage import case_columns
from workload_app.storage.dialect import dialect_of

QUALITY_MEASURE_COLUMNS = """
SELECT c.id AS case_id, c.category, c.instance, c.procedure, c.closing_method, c.filed_on, c.closed_on,
       c.time_limit_days, c.extension_days, c.deducted_days, c.appealed, c.appeal_result,
       c.enforcement_applied, c.enforcement_recovered, c.judge_id, c.division_id
FROM cases c
"""  # judge and division by id, named after the read (no join, no name text per case)
MEASURE_NAMES = (
    "case_id", "category", "instance", "procedure", "closing_method", "filed_on", "closed_on",
    "time_limit_days", "extension_days", "deducted_days", "appealed", "appeal_result",
    "enforcement_applied", "enforcement_recovered", "judge", "division",
)  # fmt: skip
_IN_PERIOD = (
    "(c.filed_on <= :filed_by AND (c.closed_on IS NULL OR c.closed_on >= :closed_from)"
    " OR (c.filed_on IS NULL AND c.closed_on >= :closed_from))"
)


def _typed(db: sqlite_utils.Database, out: pd.DataFrame) -> pd.DataFrame:
    judges = dict(db.conn.execute("SELECT id, name FROM judges").fetchall())
    divisions = dict(db.conn.execute("SELECT id, name FROM divisions").fetchall())
    if not out.empty:
        out["judge"] = _named(out.pop("judge_id"), judges)
        out["division"] = _named(out.pop("division_id"), divisions)
        if out["judge"].isna().any():  # as the join to judges did: a case of no judge is nobody's
            out = out[out["judge"].notna()].reset_index(drop=True)
    else:
        out = pd.DataFrame({n: pd.Series(dtype=int if n == "case_id" else object) for n in MEASURE_NAMES})
    out["appealed"] = out["appealed"].map({1: True, 0: False})
    return out


def _named(ids: pd.Series, names: dict[int, str]) -> np.ndarray:
    """Names by id, one lookup per distinct id (None for NULL or an unknown id)."""
    codes, uniques = pd.factorize(ids)
    table = np.array([names.get(int(i)) for i in uniques] + [None], dtype=object)
    return table[np.where(codes >= 0, codes, len(uniques))]


def quality_measure_cases(
    db: sqlite_utils.Database, *, filed_by: str, closed_from: str, judge: str | None = None
) -> pd.DataFrame:
    """``repository.quality_cases``' rows (filed by the period's end and not closed before its
    start), in case id order, with the columns ``core.quality.figures`` reads and the case id;
    with ``judge``, only the cases that judge is responsible for (read through idx_cases_judge)."""
    sql = QUALITY_MEASURE_COLUMNS + " WHERE " + _IN_PERIOD
    args: dict = {"filed_by": filed_by, "closed_from": closed_from}
    if judge is not None:
        sql += " AND c.judge_id IN (SELECT id FROM judges WHERE name = :judge)"
        args["judge"] = judge
    return _typed(db, case_columns.read_frame(db, sql, args, "case_id"))


def long_pending_details(db: sqlite_utils.Database, case_ids: list[int]) -> pd.DataFrame:
    """Case number and recorded long-pending reason and note of the given cases (by case id)."""
    if not case_ids:
        return pd.DataFrame(
            {
                "case_id": pd.Series(dtype=int),
                **{c: pd.Series(dtype=object) for c in ("case_number", "pending_reason", "pending_note")},
            }
        )
    return case_columns.read_frame(
        db,
        "SELECT c.id AS case_id, c.case_number, r.reason AS pending_reason, r.note AS pending_note"
        " FROM cases c LEFT JOIN pending_reasons r ON r.case_id = c.id"
        f" WHERE c.id IN ({dialect_of(db).id_list()})",
        (json.dumps([int(i) for i in case_ids]),),
        "case_id",
    )
