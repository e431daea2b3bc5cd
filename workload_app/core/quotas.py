"""Annual quotas (年度基本结案任务): the common quota, each judge's share, monthly targets, re-plans.

Per track (trial / enforcement, each in its own unit):

    history-based  = last year's standard cases per full-time ordinary judge
    target-based   = closing_rate × (carry-over + expected filings) × last year's SC per case
                     ÷ Σ(role fraction × share of year in post)        (the quota that closes the target)
    common quota   = round(w × history-based + (1 − w) × target-based)  to whole standard cases
    judge quota    = common quota × role fraction × share of the year in post   (2 decimals)
    division target = Σ its judges' quotas (so rounding can never make them differ)

Monthly targets spread each judge's quota over the months in post by a pattern (even, last year's
court-wide closures, or working days), rounded to 0.01 by largest remainder so they add up exactly.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from workload_app.core.params import Params

MONTHS = tuple(range(1, 13))


@dataclass(frozen=True)
class QuotaInputs:
    """What a track's common quota is derived from; every figure shown to and editable by the user."""

    track: str
    history_per_judge: float  # last year's SC per full-time ordinary judge
    carry_over: int  # cases open at the start of the year (旧存)
    expected_filings: float  # 预收案件数
    closing_rate: float  # e.g. 0.95
    sc_per_case: float  # last year's average SC per closed case
    judge_equivalents: float  # Σ role fraction × share of year in post, this year
    history_weight: float = 0.5

    @property
    def target_cases(self) -> float:
        return self.closing_rate * (self.carry_over + self.expected_filings)

    @property
    def target_sc(self) -> float:
        return self.target_cases * self.sc_per_case

    @property
    def target_based(self) -> float:
        return self.target_sc / self.judge_equivalents if self.judge_equivalents > 0 else 0.0

    @property
    def blended(self) -> float:
        w = self.history_weight
        return w * self.history_per_judge + (1 - w) * self.target_based

    @property
    def common_quota(self) -> float:
        return float(round_half_up(self.blended, 0))

    def derivation(self) -> str:
        w = self.history_weight
        return (
            f"历史口径 {self.history_per_judge:.2f}；目标口径 {self.closing_rate:.0%}×({self.carry_over}+"
            f"{self.expected_filings:.0f})×{self.sc_per_case:.4f}÷{self.judge_equivalents:.2f} = "
            f"{self.target_based:.2f}；{w:g}×{self.history_per_judge:.2f} + {1 - w:g}×{self.target_based:.2f} = "
            f"{self.blended:.2f}，取整 {self.common_quota:.0f}"
        )

    def as_dict(self) -> dict:
        d = asdict(self)
        d.update(target_based=self.target_based, blended=self.blended, common_quota=self.common_quota)
        return d


def round_half_up(x: float, digits: int = 2) -> float:
    """Rounding as people do it on paper (0.5 up), not banker's rounding."""
    q = 10**digits
    return math.floor(x * q + 0.5 + 1e-9) / q


def _date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def days_in_post_by_month(year: int, in_post_from: object, in_post_to: object) -> np.ndarray:
    """Days in post in each month of the year (入额 to 离任, both inclusive)."""
    start = max(_date(in_post_from) or dt.date(year, 1, 1), dt.date(year, 1, 1))
    end = min(_date(in_post_to) or dt.date(year, 12, 31), dt.date(year, 12, 31))
    out = np.zeros(12)
    for m in MONTHS:
        first = dt.date(year, m, 1)
        last = dt.date(year, m, calendar.monthrange(year, m)[1])
        lo, hi = max(first, start), min(last, end)
        out[m - 1] = max(0, (hi - lo).days + 1)
    return out


def share_of_year(year: int, in_post_from: object, in_post_to: object) -> float:
    days = 366 if calendar.isleap(year) else 365
    return float(days_in_post_by_month(year, in_post_from, in_post_to).sum() / days)


def month_weights(pattern: str, year: int, last_year_closures: np.ndarray | None = None) -> np.ndarray:
    """Share of the year's work per month: even, last year's closures, or working days (Mon–Fri)."""
    if pattern == "last_year" and last_year_closures is not None and np.sum(last_year_closures) > 0:
        w = np.asarray(last_year_closures, dtype=float)
    elif pattern == "working_days":
        w = np.array(
            [
                np.busday_count(f"{year}-{m:02d}", np.datetime64(f"{year}-{m:02d}") + np.timedelta64(1, "M"))
                for m in MONTHS
            ],
            dtype=float,
        )
    else:
        w = np.ones(12)
    return w / w.sum()


def split_exact(total: float, weights: np.ndarray, digits: int = 2) -> np.ndarray:
    """``total`` split by ``weights`` into amounts rounded to ``digits`` that add up to ``total`` exactly."""
    q = 10**digits
    units = int(round(total * q))
    if units == 0 or weights.sum() <= 0:
        return np.zeros(len(weights))
    raw = units * weights / weights.sum()
    base = np.floor(raw).astype(int)
    rest = units - base.sum()
    order = np.argsort(-(raw - base), kind="stable")
    base[order[:rest]] += 1
    return base / q


def judge_quotas(
    year: int,
    judges: pd.DataFrame,
    common: dict[str, float],
    params: Params,
    overrides: dict[str, dict] | None = None,
) -> pd.DataFrame:
    """One row per judge in post during the year: fraction, share, computed quota, final quota.

    ``judges`` has name, division, role, track, in_post_from, in_post_to; ``common`` maps track to
    its common quota; ``overrides`` maps name to {quota, reason}.
    """
    overrides = overrides or {}
    rows = []
    for j in judges.to_dict("records"):
        share = share_of_year(year, j.get("in_post_from"), j.get("in_post_to"))
        if share <= 0:
            continue
        fraction = params.quota.fraction_of(j["role"])
        computed = round_half_up(common.get(j["track"], 0.0) * fraction * share, 2)
        o = overrides.get(j["name"])
        rows.append(
            {
                "judge": j["name"],
                "division": j["division"],
                "role": j["role"],
                "track": j["track"],
                "role_fraction": fraction,
                "share_in_post": share,
                "common_quota": common.get(j["track"], 0.0),
                "computed_quota": computed,
                "quota": round_half_up(float(o["quota"]), 2) if o else computed,
                "override_reason": o["reason"] if o else "",
                "in_post_from": j.get("in_post_from"),
                "in_post_to": j.get("in_post_to"),
            }
        )
    return pd.DataFrame(rows)


def monthly_targets(year: int, quotas: pd.DataFrame, weights: np.ndarray) -> pd.DataFrame:
    """Each judge's quota over the months in post: columns judge, m1 … m12 (adding up to the quota)."""
    out = []
    for q in quotas.to_dict("records"):
        days = days_in_post_by_month(year, q["in_post_from"], q["in_post_to"])
        full = np.array([calendar.monthrange(year, m)[1] for m in MONTHS], dtype=float)
        w = weights * days / full
        out.append([q["judge"], *split_exact(q["quota"], w)])
    return pd.DataFrame(out, columns=["judge", *[f"m{m}" for m in MONTHS]])


def replan_targets(
    year: int, quotas: pd.DataFrame, previous: pd.DataFrame, weights: np.ndarray, from_month: int
) -> pd.DataFrame:
    """Keep months before ``from_month`` as planned; spread what is left of each new quota over the rest."""
    prev = previous.set_index("judge")
    cols = [f"m{m}" for m in MONTHS]
    out = []
    for q in quotas.to_dict("records"):
        days = days_in_post_by_month(year, q["in_post_from"], q["in_post_to"])
        full = np.array([calendar.monthrange(year, m)[1] for m in MONTHS], dtype=float)
        kept = (
            prev.loc[q["judge"], cols].to_numpy(dtype=float).copy()
            if q["judge"] in prev.index
            else np.zeros(12)
        )
        kept[from_month - 1 :] = 0.0
        w = (weights * days / full).copy()
        w[: from_month - 1] = 0.0
        rest = max(0.0, round_half_up(q["quota"] - kept.sum(), 2))
        if w.sum() == 0:
            out.append([q["judge"], *kept])
            continue
        out.append([q["judge"], *(kept + split_exact(rest, w))])
    return pd.DataFrame(out, columns=["judge", *cols])


def replanned_filings(actual_by_month: np.ndarray, from_month: int) -> float:
    """Actual filings before ``from_month`` plus their monthly run-rate for the months left."""
    done = np.asarray(actual_by_month[: from_month - 1], dtype=float)
    if from_month <= 1 or done.sum() == 0:
        return float("nan")
    return float(done.sum() + done.mean() * (12 - (from_month - 1)))


# ---------------------------------------------------------------- assessment


def score(completion: float, breakpoints: tuple[tuple[float, float], ...]) -> float:
    """Piecewise linear through (multiple of target, points); flat beyond the last breakpoint."""
    if completion is None or math.isnan(completion):
        return float("nan")
    xs = [b[0] for b in breakpoints]
    ys = [b[1] for b in breakpoints]
    return float(np.interp(completion, xs, ys, left=ys[0], right=ys[-1]))


def rank_in_groups(frame: pd.DataFrame, value: str, groups: list[str]) -> pd.Series:
    """Rank (1 = best) by ``value`` descending within ``groups``; ties share the best rank (1, 1, 3)."""
    return frame.groupby(groups)[value].rank(method="min", ascending=False).astype("Int64")


COMPLETION_EDGES = (0.6, 0.8, 1.0, 1.2)


def completion_bands(edges: tuple[float, ...] = COMPLETION_EDGES) -> list[str]:
    """Band names: 0–60%, 60–80%, 80–100%, 100–120%, ≥120% for the default edges."""
    pct = [f"{e * 100:g}%" for e in edges]
    return [f"0–{pct[0]}"] + [f"{a[:-1]}–{b}" for a, b in zip(pct, pct[1:], strict=False)] + [f"≥{pct[-1]}"]


def completion_distribution(completion: pd.Series, edges: tuple[float, ...] = COMPLETION_EDGES) -> pd.Series:
    """How many judges fall in each completion band (a band holds its lower edge: exactly 100 % is
    in 100–120 %); judges without a target (NaN) are not counted."""
    values = completion.dropna().to_numpy(dtype=float)
    counts = np.bincount(np.searchsorted(np.asarray(edges), values, side="right"), minlength=len(edges) + 1)
    return pd.Series(counts, index=completion_bands(edges), dtype=int)


def coefficient_of_variation(values: np.ndarray) -> float:
    v = np.asarray(values, dtype=float)
    v = v[~np.isnan(v)]
    if len(v) == 0 or v.mean() == 0:
        return float("nan")
    return float(v.std(ddof=0) / v.mean())


@dataclass(frozen=True)
class Transfer:
    """A suggested case transfer (调剂) in standard cases between compatible divisions."""

    from_division: str
    to_division: str
    standard_cases: float
    cases: int
    category: str


def suggest_transfers(divisions: pd.DataFrame) -> list[Transfer]:
    """Match divisions short of work with divisions that have more than they can close.

    ``divisions`` has division, category, surplus (SC: open + expected inflow − remaining target) and
    sc_per_case. Within each category the largest shortfall is served by the largest surplus first,
    which keeps the number of moves small.
    """
    out: list[Transfer] = []
    for category, part in divisions.groupby("category"):
        give = [[r.division, r.surplus, r.sc_per_case] for r in part.itertuples() if r.surplus > 0.5]
        take = [[r.division, -r.surplus] for r in part.itertuples() if r.surplus < -0.5]
        give.sort(key=lambda g: -g[1])
        take.sort(key=lambda t: -t[1])
        for t in take:
            for g in give:
                if t[1] <= 0.005:
                    break
                if g[1] <= 0.005:
                    continue
                amount = round_half_up(min(g[1], t[1]), 1)
                if amount <= 0:
                    continue
                g[1] -= amount
                t[1] -= amount
                cases = int(math.ceil(amount / g[2])) if g[2] > 0 else 0
                out.append(Transfer(g[0], t[0], amount, cases, str(category)))
    return out
