"""What-if on the trial weights (权重模拟): how judges' ranks move when each weight varies within a
range, before a parameter change is committed (rank stability, 排名稳定性).

The weights of the file, the transcripts and the judgment must add up to 1, so a scenario moves two
of them over a grid and the third takes the rest; a scenario is kept only when every weight stays
within ``centre × (1 ± spread)``. The page averages do not depend on the weights, so every
scenario is the centre's standard-case kernel (``core.standard.Kernel``: pages over averages, rules,
held and approval masks) evaluated at other weights, credited through the same panel links
(``core.credit.credit_links``); enforcement credits do not depend on the weights.

Ranks are those of the assessment: within the court, in the judge's track and post group, by
completion (standard cases ÷ target to date) when targets exist, else by standard cases; ties share
the best rank.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workload_app.core.credit import CreditLinks, PostSpans, credit_links
from workload_app.core.messages import Coded
from workload_app.core.params import Params
from workload_app.core.standard import Kernel, standard_kernel

WEIGHT_NAMES = ("file", "transcript", "judgment")


def weight_scenarios(params: Params, spread: float = 0.20, steps: int = 9) -> pd.DataFrame:
    """Weight triples (columns file, transcript, judgment) summing to 1, each within
    ``centre × (1 ± spread)``; the first row is the centre. ``steps`` grid points per free weight."""
    if not 0 <= spread < 1:
        raise ValueError("spread must be in [0, 1)")
    if steps < 2:
        raise ValueError("steps must be at least 2")
    t = params.trial
    centre = np.array([t.w_file, t.w_transcript, t.w_judgment])
    lo, hi = centre * (1 - spread), centre * (1 + spread)
    rest = int(np.argmax(centre))  # the largest weight takes the remainder: its range binds least
    free = [i for i in range(3) if i != rest]
    grids = [np.linspace(lo[i], hi[i], steps) if centre[i] > 0 else np.array([0.0]) for i in free]
    rows = [centre]
    tol = 1e-12
    for a in grids[0]:
        for b in grids[1]:
            w = np.empty(3)
            w[free[0]], w[free[1]] = a, b
            w[rest] = 1.0 - a - b
            if lo[rest] - tol <= w[rest] <= hi[rest] + tol and not np.allclose(w, centre, atol=1e-12):
                rows.append(w)
    frame = pd.DataFrame(rows, columns=list(WEIGHT_NAMES))
    return frame.round(12).drop_duplicates().reset_index(drop=True)


def _totals(links: CreditLinks, credit: np.ndarray) -> np.ndarray:
    known = links.judge_code >= 0
    values = np.nan_to_num(credit[links.case_pos[known]]) * links.share[known]
    return np.bincount(links.judge_code[known], weights=values, minlength=len(links.judges))


def centre_kernel(cases: pd.DataFrame, centre: pd.DataFrame, params: Params) -> Kernel:
    """The standard-case kernel of ``cases`` with the averages the centre's results used."""
    return standard_kernel(
        cases, params, centre[["avg_file", "avg_transcript", "avg_judgment"]].to_numpy(dtype=float)
    )


def scenario_sc(cases: pd.DataFrame, centre: pd.DataFrame, params: Params, weights: np.ndarray) -> np.ndarray:
    """Every case's SC under ``weights``: the kernel of ``compute_standard_cases`` at other weights,
    so the centre reproduces exactly."""
    return centre_kernel(cases, centre, params).sc(np.asarray(weights, dtype=float))


def by_completion(target: np.ndarray) -> bool:
    """Ranks go by completion once any judge has a target, else by standard cases."""
    return bool((np.asarray(target, dtype=float) > 0).any())


def court_ranks(sc: np.ndarray, target: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """The assessment's court ranks: 1 = highest completion (sc ÷ target; or sc when no judge has
    a target) within each group, ties share the best rank; a judge without a target is unranked."""
    sc, target = np.asarray(sc, dtype=float), np.asarray(target, dtype=float)
    if by_completion(target):
        with np.errstate(divide="ignore", invalid="ignore"):
            sc = np.where(target > 0, sc / target, np.nan)
    return pd.Series(sc).groupby(groups).rank(method="min", ascending=False).to_numpy()


@dataclass(frozen=True)
class RankStability:
    """``judges``: judge, division, post, track, rank (at the centre), best, worst, swing (worst −
    best), unchanged (share of scenarios with the centre's rank), sc, sc_min, sc_max.
    ``scenarios``: file, transcript, judgment, moved (judges whose rank differs from the centre),
    max_shift (largest rank change of any judge)."""

    judges: pd.DataFrame
    scenarios: pd.DataFrame
    by_completion: bool


def rank_stability(
    cases: pd.DataFrame,
    centre: pd.DataFrame,
    params: Params,
    people: pd.DataFrame,
    scenarios: pd.DataFrame,
    progress=None,
    post: PostSpans | None = None,
) -> RankStability:
    """Ranks of the judges in ``people`` (judge, division, post, track, target_to_date: NaN when no
    plan) under each weight scenario. ``cases`` are the cases credited (e.g. closed to date);
    ``centre`` their results under ``params`` (same order: case_id aligned)."""
    if not np.array_equal(cases["case_id"].to_numpy(), centre["case_id"].to_numpy()):
        raise ValueError("cases and centre results must be aligned by case_id")
    links = credit_links(cases, params, post)  # a judge out of post on the closing day: held
    code_of = {name: i for i, name in enumerate(links.judges)}
    idx = np.array([code_of.get(j, -1) for j in people["judge"]], dtype=int)
    unit = centre["unit"].to_numpy()
    trial_only = np.where(unit == "trial", 1.0, 0.0)
    enforcement = _totals(links, np.where(unit == "enforcement", centre["sc"].to_numpy(dtype=float), 0.0))
    track_enf = people["track"].to_numpy() == "enforcement"
    target = people["target_to_date"].to_numpy(dtype=float)
    group = people["post_group"] if "post_group" in people else people["post"]  # ranked by post group
    groups = (people["track"].astype(str) + "|" + group.astype(str)).to_numpy()

    def pick(totals: np.ndarray) -> np.ndarray:
        return np.where(idx >= 0, totals[np.maximum(idx, 0)], 0.0)

    kernel = centre_kernel(cases, centre, params)

    def judge_sc(weights: np.ndarray) -> np.ndarray:
        sc = kernel.sc(weights) * trial_only
        return np.where(track_enf, pick(enforcement), pick(_totals(links, sc)))

    w = scenarios[list(WEIGHT_NAMES)].to_numpy(dtype=float)
    all_sc = np.empty((len(w), len(people)))
    all_ranks = np.empty((len(w), len(people)))
    for k, weights in enumerate(w):
        if progress is not None:
            progress(k / len(w), Coded("progress.scenario", number=k + 1, count=len(w)))
        all_sc[k] = judge_sc(weights)
        all_ranks[k] = court_ranks(all_sc[k], target, groups)
    rank0 = all_ranks[0]
    ranked = ~np.isnan(rank0)
    with warnings.catch_warnings():  # a judge without a target is never ranked: all NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        best = np.nanmin(all_ranks, axis=0) if len(people) else np.array([])
        worst = np.nanmax(all_ranks, axis=0) if len(people) else np.array([])
    same = (all_ranks == rank0) & ranked
    judges = pd.DataFrame(
        {
            "judge": people["judge"].to_numpy(),
            "division": people["division"].to_numpy(),
            "post": people["post"].to_numpy(),
            "track": people["track"].to_numpy(),
            "rank": pd.array(np.where(ranked, rank0, np.nan), dtype="Float64").astype("Int64"),
            "best": pd.array(best, dtype="Float64").astype("Int64"),
            "worst": pd.array(worst, dtype="Float64").astype("Int64"),
            "swing": pd.array(worst - best, dtype="Float64").astype("Int64"),
            "unchanged": np.where(ranked, same.mean(axis=0), np.nan),
            "sc": all_sc[0],
            "sc_min": all_sc.min(axis=0),
            "sc_max": all_sc.max(axis=0),
        }
    )
    shift = np.abs(all_ranks - rank0)
    moved = ((all_ranks != rank0) & ranked).sum(axis=1)
    out = scenarios[list(WEIGHT_NAMES)].copy()
    out["moved"] = moved
    out["max_shift"] = (
        np.nan_to_num(np.nanmax(np.where(ranked, shift, np.nan), axis=1)) if ranked.any() else 0
    )
    out["max_shift"] = out["max_shift"].astype(int)
    if progress is not None:
        progress(1.0, Coded("progress.done"))
    return RankStability(judges, out, by_completion(target))
