"""Trying a parameter change before it is saved: its effect on the judges (``preview_change``) and
how stable the ranks are when the trial weights vary within a range (``rank_stability``).

Nothing here writes: both read the year's cases and the plan's targets, and compute on the side.
Ranks are court-wide (every judge counts), and what is returned is limited to what the acting user
may see.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workload_app.core import what_if as w
from workload_app.core.credit import PostSpans, credit_by_judge
from workload_app.core.messages import Coded
from workload_app.core.params import Params
from workload_app.core.progress import ProgressCallback, no_progress
from workload_app.core.standard import OUT_OF_POST, compute_averages, compute_standard_cases, held_rows
from workload_app.services import access, page_decisions
from workload_app.services.figures import post_spans
from workload_app.services.parameters import current_params
from workload_app.services.quotas import court_assessment
from workload_app.services.standard_cases import court_results
from workload_app.storage import repository as repo
from workload_app.storage.backups import store_key as database_path
from workload_app.storage.db import Database

_REFERENCE: dict[tuple, pd.DataFrame] = {}  # the last reference year read, by case version


def _year_cases(db: Database, year: int) -> pd.DataFrame:
    merged, _, _ = court_results(db, year)
    return merged


def _reference_cases(db: Database, params: Params) -> pd.DataFrame:
    ref = params.reference_year
    if ref == params.year:
        return _year_cases(db, ref)
    key = (database_path(db), ref, repo.cases_version(db))
    if key[0] is None:  # an in-memory database: nothing to key a kept copy on
        return page_decisions.load_cases(db, ref)
    if key not in _REFERENCE:
        _REFERENCE.clear()
        _REFERENCE[key] = page_decisions.load_cases(db, ref)  # reviewers' page decisions applied
    return _REFERENCE[key]


def _people(db: Database, year: int, through_month: int) -> pd.DataFrame:
    """Every judge with track, post and target to date (NaN without a plan)."""
    a = court_assessment(db, year, through_month)
    return a[["judge", "division", "post", "track", "target_to_date", "post_group"]].reset_index(drop=True)


def _ranks(people: pd.DataFrame, sc: pd.Series) -> pd.Series:
    groups = (people["track"].astype(str) + "|" + people["post_group"].astype(str)).to_numpy()
    ranks = w.court_ranks(sc.to_numpy(), people["target_to_date"].to_numpy(), groups)
    return pd.Series(ranks, index=people.index, dtype="Float64").astype("Int64")


def _judge_sc(
    people: pd.DataFrame, cases: pd.DataFrame, results: pd.DataFrame, params: Params, post: PostSpans
) -> pd.Series:
    credit = credit_by_judge(cases, results, params, post).set_index("judge")
    own = np.where(people["track"] == "enforcement", "sc_enforcement", "sc_trial")
    values = [credit[col].get(j, 0.0) for j, col in zip(people["judge"], own, strict=True)]
    return pd.Series(values, index=people.index, dtype=float)


@dataclass(frozen=True)
class Preview:
    """A candidate parameter set against the year's current one."""

    average_before: float  # mean SC of the year's trial cases
    average_after: float
    judges: pd.DataFrame  # judge, division, before, after, change, rank_before, rank_after;
    # largest change first


def preview_change(
    db: Database,
    new: Params,
    through_month: int = 12,
    progress: ProgressCallback | None = None,
) -> Preview:
    """What saving ``new`` would do to the year's standard cases and the judges' ranks."""
    progress = progress or no_progress
    access.require(db, access.Action.PREVIEW_PARAMS)
    year = new.year
    old, _ = current_params(db, year)
    progress(0.1, Coded("progress.read_cases"))
    year_cases = _year_cases(db, year)
    cases = year_cases[year_cases["closed_month"] <= through_month].reset_index(drop=True)
    progress(0.3, Coded("progress.current_params"))
    before = compute_standard_cases(cases, old, compute_averages(_reference_cases(db, old), old))
    progress(0.6, Coded("progress.changed_params"))
    after = compute_standard_cases(cases, new, compute_averages(_reference_cases(db, new), new))
    progress(0.85, Coded("progress.compare_judges"))
    people = _people(db, year, through_month)
    post = post_spans(db)  # cases closed outside the time in post: credited to nobody, out of the averages
    outside = post.outside(
        cases["judge"].to_numpy(), cases["case_id"].to_numpy(), cases["closed_on"].to_numpy()
    )
    for results in (before, after):
        results["flags"] = results["flags"].to_numpy() | np.where(outside, OUT_OF_POST, 0)
    table = people[["judge", "division"]].copy()
    table["before"] = _judge_sc(people, cases, before, old, post)
    table["after"] = _judge_sc(people, cases, after, new, post)
    table["change"] = table["after"] - table["before"]
    table["rank_before"] = _ranks(people, table["before"])
    table["rank_after"] = _ranks(people, table["after"])
    table = access.limit_people(db, table)
    order = table["change"].abs().sort_values(ascending=False, kind="stable").index
    progress(1.0, Coded("progress.done"))
    return Preview(
        average_before=_trial_sc_per_case(before),
        average_after=_trial_sc_per_case(after),
        judges=table.loc[order].reset_index(drop=True),
    )


def _trial_sc_per_case(results: pd.DataFrame) -> float:
    """Mean SC of the trial cases not held for review (held ones stay out of every average)."""
    return float(results.loc[(results["unit"] == "trial") & ~held_rows(results["flags"]), "sc"].mean())


def rank_stability(
    db: Database,
    params: Params,
    through_month: int = 12,
    spread: float = 0.20,
    steps: int = 9,
    progress: ProgressCallback | None = None,
) -> w.RankStability:
    """Ranks under every weight scenario around ``params`` (each weight within ±``spread``)."""
    progress = progress or no_progress
    access.require(db, access.Action.SIMULATE_WEIGHTS)
    year = params.year
    progress(0.02, Coded("progress.read_cases"))
    year_cases = _year_cases(db, year)
    cases = year_cases[year_cases["closed_month"] <= through_month].reset_index(drop=True)
    averages = compute_averages(_reference_cases(db, params), params)
    centre = compute_standard_cases(cases, params, averages)
    people = _people(db, year, through_month)
    scenarios = w.weight_scenarios(params, spread, steps)

    def scaled(fraction: float, message: str) -> None:
        progress(0.1 + 0.9 * fraction, message)

    out = w.rank_stability(cases, centre, params, people, scenarios, scaled, post_spans(db))
    judges = access.limit_people(db, out.judges)
    order = judges.sort_values(["swing", "unchanged"], ascending=[False, True], na_position="last").index
    return w.RankStability(judges.loc[order].reset_index(drop=True), out.scenarios, out.by_completion)
