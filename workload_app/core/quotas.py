"""Annual quotas (年度基本结案任务): the common quota, each judge's share, monthly targets, re-plans.

Per track (trial / enforcement, each in its own unit):

    history-based  = last year's standard cases per full-time ordinary judge
    target-based   = closing_rate × (carry-over + expected filings) × last year's SC per case
                     ÷ Σ(post fraction × share of year in post)        (the quota that closes the target)
    common quota   = round(w × history-based + (1 − w) × target-based)  to whole standard cases
    full-year month targets of a post = common quota × post fraction split over the months by the
                     track's pattern (even, last year's closures of the track, or working days),
                     rounded to 0.01 by largest remainder so they add up to the full-year quota
    judge's month target = full-year month target of the post × share of that month in post (0.01)
    judge quota    = Σ the judge's month targets (so two judges of one post working the same months
                     have the same targets for them, and quota = Σ months always)
    division target = Σ its judges' quotas (so rounding can never make them differ)

"Share of year in post" in the target-based figure is the pattern-weighted share
Σ_m weight_m × share of month m in post, the same share the month targets add up to.

A re-plan from month k keeps every judge's months before k as planned; each post's months from k
on are the rest of the new annual figure (new common quota × post fraction, less the post's kept
months, never below 0) spread by the pattern, and a judge gets them × the share of each month in
post. A judge in post all year thus ends the year with exactly the new quota the new notice prints;
a leaver keeps the months worked; a joiner takes the post's targets for the months in post. The
judge's quota is Σ of the kept and the new months. An override (a quota set
by 人事 with a reason) is spread over the judge's months in post by the pattern (the months left,
in a re-plan); an override below what the kept months already hold leaves the kept months.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

# the assessment rules live in core.assessment; these names stay importable from here
from workload_app.core.assessment import (  # noqa: F401
    COMPLETION_EDGES,
    Transfer,
    coefficient_of_variation,
    completion_bands,
    completion_distribution,
    pattern_share_to_date,
    rank_in_groups,
    score,
    suggest_transfers,
)
from workload_app.core.dates import date_of
from workload_app.core.messages import Coded
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
    judge_equivalents: float  # Σ post fraction × share of year in post, this year
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

    def derivation(self) -> Coded:
        return derivation_text(self.as_dict())

    def as_dict(self) -> dict:
        d = asdict(self)
        d.update(target_based=self.target_based, blended=self.blended, common_quota=self.common_quota)
        return d


def derivation_text(inputs: dict) -> Coded:
    """How the common quota was derived from ``inputs`` (``QuotaInputs.as_dict()``, as a plan
    stores them): a coded text, in Chinese as the plan always said it, in the user's language
    where it is shown."""
    w = inputs["history_weight"]
    return Coded(
        "quota.derivation",
        history=inputs["history_per_judge"],
        rate=inputs["closing_rate"],
        carry=inputs["carry_over"],
        filings=inputs["expected_filings"],
        sc=inputs["sc_per_case"],
        judges=inputs["judge_equivalents"],
        target=inputs["target_based"],
        weight=w,
        rest=1 - w,
        blended=inputs["blended"],
        quota=inputs["common_quota"],
    )


def round_half_up(x: float, digits: int = 2) -> float:
    """Rounding as people do it on paper (0.5 up), not banker's rounding."""
    q = 10**digits
    return math.floor(x * q + 0.5 + 1e-9) / q


def days_in_post_by_month(year: int, in_post_from: object, in_post_to: object) -> np.ndarray:
    """Days in post in each month of the year (入额 to 离任, both inclusive)."""
    start = max(date_of(in_post_from) or dt.date(year, 1, 1), dt.date(year, 1, 1))
    end = min(date_of(in_post_to) or dt.date(year, 12, 31), dt.date(year, 12, 31))
    out = np.zeros(12)
    for m in MONTHS:
        first = dt.date(year, m, 1)
        last = dt.date(year, m, calendar.monthrange(year, m)[1])
        lo, hi = max(first, start), min(last, end)
        out[m - 1] = max(0, (hi - lo).days + 1)
    return out


def share_of_year(year: int, in_post_from: object, in_post_to: object) -> float:
    """Calendar share of the year in post (days in post ÷ days of the year)."""
    days = 366 if calendar.isleap(year) else 365
    return float(days_in_post_by_month(year, in_post_from, in_post_to).sum() / days)


def month_shares_in_post(year: int, in_post_from: object, in_post_to: object) -> np.ndarray:
    """Share of each month in post (days in post that month ÷ days of the month)."""
    full = np.array([calendar.monthrange(year, m)[1] for m in MONTHS], dtype=float)
    return days_in_post_by_month(year, in_post_from, in_post_to) / full


def in_post_in_year(year: int, in_post_from: object, in_post_to: object) -> bool:
    """Whether the judge is in post on any day of the year (else not in that year at all)."""
    return bool(days_in_post_by_month(year, in_post_from, in_post_to).sum() > 0)


def weighted_share(year: int, in_post_from: object, in_post_to: object, weights: np.ndarray) -> float:
    """Σ_m weight_m × share of month m in post: the part of a full-year quota the months in post carry."""
    w = np.asarray(weights, dtype=float)
    return float((w / w.sum() * month_shares_in_post(year, in_post_from, in_post_to)).sum())


def weights_for(weights: np.ndarray | dict[str, np.ndarray] | None, track: str) -> np.ndarray:
    """The month pattern of a track: one pattern for all, or one per track (even when none is known)."""
    if weights is None:
        return np.ones(12) / 12
    if isinstance(weights, dict):
        w = weights.get(track)
        return np.ones(12) / 12 if w is None else np.asarray(w, dtype=float)
    return np.asarray(weights, dtype=float)


def full_year_months(post_quota: float, weights: np.ndarray) -> np.ndarray:
    """A full-year judge's month targets for a post's annual quota (0.01, adding up exactly)."""
    return split_exact(round_half_up(post_quota, 2), np.asarray(weights, dtype=float))


def part_year_months(full: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Month target = full-year month target × share of the month in post, each rounded to 0.01."""
    return np.array([round_half_up(f * s, 2) if s > 0 else 0.0 for f, s in zip(full, shares, strict=True)])


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
    weights: np.ndarray | dict[str, np.ndarray] | None = None,
) -> pd.DataFrame:
    """One row per judge in post during the year: fraction, share, computed quota, final quota.

    ``judges`` has name, division, post, track, in_post_from, in_post_to; ``common`` maps track to
    its common quota; ``overrides`` maps name to {quota, reason}; ``weights`` is the month pattern
    (one array, or one per track; even when not given). The computed quota is the sum of the
    judge's month targets (see ``judge_months``); ``share_in_post`` is the pattern-weighted share.
    """
    overrides = overrides or {}
    rows = []
    for j in judges.to_dict("records"):
        shares = month_shares_in_post(year, j.get("in_post_from"), j.get("in_post_to"))
        if shares.sum() <= 0:
            continue
        w = weights_for(weights, j["track"])
        fraction = params.quota.fraction_of(j["post"])
        full = full_year_months(common.get(j["track"], 0.0) * fraction, w)
        computed = round_half_up(float(part_year_months(full, shares).sum()), 2)
        o = overrides.get(j["name"])
        rows.append(
            {
                "judge": j["name"],
                "division": j["division"],
                "post": j["post"],
                "track": j["track"],
                "post_fraction": fraction,
                "share_in_post": float((w / w.sum() * shares).sum()),
                "common_quota": common.get(j["track"], 0.0),
                "computed_quota": computed,
                "quota": round_half_up(float(o["quota"]), 2) if o else computed,
                "override_reason": o["reason"] if o else "",
                "in_post_from": j.get("in_post_from"),
                "in_post_to": j.get("in_post_to"),
            }
        )
    return pd.DataFrame(rows)


def judge_months(
    year: int, row: dict, weights: np.ndarray, from_month: int = 1, post: np.ndarray | None = None
) -> np.ndarray:
    """A judge's month targets from ``from_month`` on (earlier months 0).

    Without an override: the post's month targets (``post``; by default the full-year months of
    common × fraction) × share of each month in post. With one (``override_reason`` set):
    ``row["quota"]`` spread over those months by pattern × share."""
    shares = month_shares_in_post(year, row.get("in_post_from"), row.get("in_post_to"))
    shares[: from_month - 1] = 0.0
    if row.get("override_reason"):
        return split_exact(float(row["quota"]), weights * shares)
    full = (
        full_year_months(float(row["common_quota"]) * float(row["post_fraction"]), weights)
        if post is None
        else np.asarray(post, dtype=float)
    )
    return part_year_months(full, shares)


def replan_post_months(annual: float, kept: np.ndarray, weights: np.ndarray, from_month: int) -> np.ndarray:
    """A post's month targets in a re-plan from ``from_month``: its months before it as planned
    (``kept``), and the rest of the new annual figure (``annual`` less the kept months, never
    below 0) spread over the months left by the pattern, to 0.01, adding up exactly. A judge in
    post all year thus ends it with exactly ``annual``; kept months above it leave nothing."""
    out = np.zeros(12)
    out[: from_month - 1] = np.asarray(kept, dtype=float)[: from_month - 1]
    rest = max(0.0, round_half_up(float(annual) - float(out.sum()), 2))
    w = np.asarray(weights, dtype=float).copy()
    w[: from_month - 1] = 0.0
    if w.sum() <= 0:  # a pattern with nothing in the months left: spread them evenly
        w[from_month - 1 :] = 1.0
    out[from_month - 1 :] = split_exact(rest, w)[from_month - 1 :]
    return np.round(out, 2)


PostKey = tuple[str, str]  # (track, post)


def post_targets(
    quotas: pd.DataFrame,
    weights: np.ndarray | dict[str, np.ndarray] | None,
    previous_post: dict[PostKey, np.ndarray] | None = None,
    from_month: int = 1,
) -> dict[PostKey, np.ndarray]:
    """Each post's twelve month targets (what a judge in post all year gets): the full-year months
    of common × fraction; in a re-plan, the previous plan's months of the post before
    ``from_month`` (``previous_post``; a post it lacks keeps the new full-year months as its own)
    and the rest of the new annual figure after (``replan_post_months``)."""
    out: dict[PostKey, np.ndarray] = {}
    for r in quotas.to_dict("records"):
        key = (r["track"], r["post"])
        if key in out:
            continue
        w = weights_for(weights, r["track"])
        annual = round_half_up(float(r["common_quota"]) * float(r["post_fraction"]), 2)
        full = full_year_months(annual, w)
        if previous_post is None or from_month <= 1:
            out[key] = full
        else:
            kept = previous_post.get(key)
            out[key] = replan_post_months(annual, full if kept is None else kept, w, from_month)
    return out


def plan_months(
    year: int,
    quotas: pd.DataFrame,
    weights: np.ndarray | dict[str, np.ndarray] | None,
    previous: pd.DataFrame | None = None,
    from_month: int = 1,
    previous_post: dict[PostKey, np.ndarray] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(quotas, months) of a plan version, with quota = Σ months for every judge.

    From January: each judge's months by ``judge_months``. A re-plan from ``from_month`` keeps the
    months before it from ``previous`` and gives the months left the post's targets
    (``post_targets``: the rest of the new annual figure after the post's kept months, by the
    pattern) × the share of each month in post; an override then gets what is left of it after the
    kept months (never less than 0). ``previous_post``: the previous plan's post month targets
    (``post_targets`` of that plan); without it, a post's are those of a judge of the previous plan
    in post all year without an override. ``computed_quota`` is what the judge's months hold
    without an override, ``quota`` what they hold."""
    cols = [f"m{m}" for m in MONTHS]
    prev = None
    replanning = previous is not None and from_month > 1
    if replanning:
        prev = dict(zip(previous["judge"], previous[cols].to_numpy(dtype=float), strict=True))
        if previous_post is None:
            previous_post = _posts_of_full_year_judges(year, quotas, prev)
    posts = post_targets(quotas, weights, previous_post if replanning else None, from_month)
    out_q, out_m = [], []
    for q in quotas.to_dict("records"):
        w = weights_for(weights, q["track"])
        kept = np.zeros(12)
        if prev is not None and q["judge"] in prev:
            kept[: from_month - 1] = prev[q["judge"]][: from_month - 1]
        start = from_month if prev is not None else 1
        post = posts[(q["track"], q["post"])]
        plain = judge_months(year, {**q, "override_reason": ""}, w, start, post)
        if q.get("override_reason"):
            rest = max(0.0, round_half_up(float(q["quota"]) - kept.sum(), 2))
            months = kept + judge_months(year, {**q, "quota": rest}, w, start)
        else:
            months = kept + plain
        months = np.round(months, 2)
        q = {
            **q,
            "computed_quota": round_half_up(float((kept + plain).sum()), 2),
            "quota": round_half_up(float(months.sum()), 2),
        }
        out_q.append(q)
        out_m.append([q["judge"], *months])
    return pd.DataFrame(out_q, columns=quotas.columns), pd.DataFrame(out_m, columns=["judge", *cols])


def _posts_of_full_year_judges(
    year: int, quotas: pd.DataFrame, previous: dict[str, np.ndarray]
) -> dict[PostKey, np.ndarray]:
    """The previous months of a judge in post all year without an override, per post."""
    out: dict[PostKey, np.ndarray] = {}
    for r in quotas.to_dict("records"):
        key = (r["track"], r["post"])
        if key in out or r["judge"] not in previous or r.get("override_reason"):
            continue
        if (month_shares_in_post(year, r.get("in_post_from"), r.get("in_post_to")) == 1).all():
            out[key] = previous[r["judge"]]
    return out


def monthly_targets(
    year: int, quotas: pd.DataFrame, weights: np.ndarray | dict[str, np.ndarray] | None
) -> pd.DataFrame:
    """Each judge's month targets: columns judge, m1 … m12 (adding up to the quota)."""
    return plan_months(year, quotas, weights)[1]


def replan_targets(
    year: int,
    quotas: pd.DataFrame,
    previous: pd.DataFrame,
    weights: np.ndarray | dict[str, np.ndarray] | None,
    from_month: int,
    previous_post: dict[PostKey, np.ndarray] | None = None,
) -> pd.DataFrame:
    """Months before ``from_month`` as planned in ``previous``; the rest from the new quotas."""
    return plan_months(year, quotas, weights, previous, from_month, previous_post)[1]


def replanned_filings(
    actual_by_month: np.ndarray, from_month: int, last_year_by_month: np.ndarray | None = None
) -> float:
    """The year's filings forecast in a re-plan from ``from_month`` (the seasonal run-rate): the
    filings of months 1…F−1 ÷ last year's share of the track's filings in those months; a straight
    × 12 / (F − 1) only when last year has no filings (or none in those months). NaN when there
    is nothing to forecast from (no filings this year yet)."""
    done = float(np.asarray(actual_by_month[: from_month - 1], dtype=float).sum())
    if from_month <= 1 or done == 0:
        return float("nan")
    last = np.zeros(12) if last_year_by_month is None else np.asarray(last_year_by_month, dtype=float)
    share = float(last[: from_month - 1].sum() / last.sum()) if last.sum() > 0 else 0.0
    if share > 0:
        return done / share
    return done * 12 / (from_month - 1)
