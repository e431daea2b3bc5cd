"""Judges moved between divisions during a year (调动): the one rule that splits a judge's month
targets between divisions, used by every division target (the command line's plan table, the
window's 任务 and 部门/概览, the division and court sheets).

A month's target of a moved judge goes to each division by the share of that month's days in post
spent there (a move on 16 July gives July 15/31 to the old division and 16/31 to the new one). The
parts are whole fen of the 0.01 the targets are kept in, and add up to the month's target exactly:
each part is rounded down and the cents left go to the divisions with the largest remainders
(ties: the division listed first), so a division's target is always the sum of its parts."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

MONTH_COLS = [f"m{m}" for m in range(1, 13)]


def split_month_targets(
    months: np.ndarray | list[float], shares: Mapping[str | None, np.ndarray]
) -> dict[str | None, np.ndarray]:
    """``months`` (12 targets, 0.01 each) split by ``shares`` (division → 12 shares of each month):
    division → 12 targets that add up, month by month, to ``months``."""
    cents = np.rint(np.asarray(months, dtype=float) * 100).astype(np.int64)
    divisions = list(shares)
    out = {d: np.zeros(12, dtype=np.int64) for d in divisions}
    for i in range(12):
        total = int(cents[i])
        weights = np.array([float(shares[d][i]) for d in divisions])
        if total == 0:
            continue
        if weights.sum() <= 0:  # a target in a month with no day in post: the first division keeps it
            out[divisions[0]][i] = total
            continue
        exact = total * weights / weights.sum()
        floors = np.floor(exact).astype(np.int64)
        left = total - int(floors.sum())
        order = sorted(range(len(divisions)), key=lambda k: (-(exact[k] - floors[k]), k))
        for k in order[:left]:
            floors[k] += 1
        for k, d in enumerate(divisions):
            out[d][i] = floors[k]
    return {d: v / 100 for d, v in out.items()}


def split_rows(frame: pd.DataFrame, moved: Mapping[str, Mapping[str | None, np.ndarray]]) -> pd.DataFrame:
    """Rows of judges (judge, division, m1..m12, …) with each judge in ``moved`` split into one row
    per division (``split_month_targets``); the other columns are copied."""
    rows = []
    for r in frame.to_dict("records"):
        shares = moved.get(r["judge"])
        if not shares:
            rows.append(r)
            continue
        parts = split_month_targets([r[c] for c in MONTH_COLS], shares)
        for division, months in parts.items():
            rows.append(dict(r, division=division, **dict(zip(MONTH_COLS, months.tolist(), strict=True))))
    return pd.DataFrame(rows, columns=frame.columns)


def division_targets(
    judges: pd.DataFrame, months: pd.DataFrame, moved: Mapping[str, Mapping[str | None, np.ndarray]]
) -> pd.DataFrame:
    """Division targets of a plan (``judges``: judge, division, track; ``months``: judge, m1..m12):
    Σ over its judges of their month targets there; the year's target is the sum of its months."""
    frame = judges[["judge", "division", "track"]].merge(months[["judge", *MONTH_COLS]], on="judge")
    frame = split_rows(frame, moved)
    cents = frame[MONTH_COLS].mul(100).round().astype("int64")
    frame = frame[["division", "track"]].join(cents)
    out = frame.groupby(["division", "track"], sort=False)[MONTH_COLS].sum()
    out.insert(0, "target", out.sum(axis=1))
    return (out / 100).reset_index()
