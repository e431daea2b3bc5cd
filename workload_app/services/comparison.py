"""Who is behind: each division beside the court and beside the same period of last year, and the
court's own figures a 庭长 may compare with (aggregates only: no other judge's name leaves here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workload_app.core.problems import WorkloadError
from workload_app.services import access
from workload_app.services import quotas as Q
from workload_app.storage.db import Database


@dataclass(frozen=True)
class CourtFigures:
    """The whole court per track, to set a division or a judge beside: completion (SC to date ÷
    target to date, NaN without a plan), SC per full-time judge, and the number of judges."""

    completion: dict[str, float]
    sc_per_judge: dict[str, float]
    judges: dict[str, int]


def court_figures(db: Database, year: int, through_month: int = 12) -> CourtFigures:
    access.require(db, access.Action.COMPARE_COURT)
    d = Q.court_division_assessment(db, year, through_month)
    completion, per_judge, judges = {}, {}, {}
    for track, part in d.groupby("track"):
        target = float(part["target_to_date"].sum())
        completion[str(track)] = float(part["sc"].sum()) / target if target > 0 else float("nan")
        eq = float(part["equivalents"].sum())
        per_judge[str(track)] = float(part["sc"].sum()) / eq if eq > 0 else float("nan")
        judges[str(track)] = int(part["judges"].sum())
    return CourtFigures(completion, per_judge, judges)


def divisions_with_comparison(db: Database, year: int, through_month: int = 12) -> pd.DataFrame:
    """The divisions the acting user may see (``quotas.division_assessment``) with, beside each,
    the court's completion and SC per judge in its track, and its own SC over the same months of
    last year (``sc_last_year``, NaN when last year is not on file) and the change (``change_pct``)."""
    d = Q.division_assessment(db, year, through_month)
    court = court_figures(db, year, through_month)
    d["court_completion"] = d["track"].map(court.completion).astype(float)
    d["court_sc_per_judge"] = d["track"].map(court.sc_per_judge).astype(float)
    try:
        last = Q.court_division_assessment(db, year - 1, through_month)[["division", "track", "sc"]]
    except WorkloadError:  # no parameters or cases for last year
        last = pd.DataFrame(columns=["division", "track", "sc"])
    last = last.rename(columns={"sc": "sc_last_year"})
    d = d.merge(last, on=["division", "track"], how="left")
    d["sc_last_year"] = d["sc_last_year"].astype(float)
    d["change_pct"] = np.where(
        d["sc_last_year"] > 0, (d["sc"] - d["sc_last_year"]) / d["sc_last_year"] * 100, np.nan
    )
    return d
