"""An independent check of the quota and assessment figures (DOMAIN "Annual quotas", "Assessment").

The oracle below shares no code with workload_app.core.quotas or services.quotas: it works in exact
fractions and whole cents, from the specification's words:
    month target = full-year month target for the post × (days in post that month ÷ days of the month)
    annual quota = Σ months; division target = Σ its judges; completion = SC to date ÷ target to date;
    score piecewise linear on the breakpoints; ranks within post groups, ties share the best rank;
    a re-plan from F keeps the months before it; a post's months from F are the rest of the new
    annual figure after the post's kept months, by the pattern; a judge's are those × share in post.
The full-year month targets of a post are the post's quota (common × fraction, to the cent, half up)
split over the months by the pattern to whole cents by largest remainder (ties: earlier month first).
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from workload_app.core import quotas as q
from workload_app.core.params import default_params

YEAR = 2024  # a leap year: 29 February matters
COLS = [f"m{m}" for m in range(1, 13)]
FRACTIONS = {"院长": "0.10", "副院长": "0.35", "审判委员会专职委员": "0.35", "庭长": "0.60", "副庭长": "0.80"}
GROUPS = {
    "庭长": "heads",
    "副庭长": "heads",
    "院长": "leaders",
    "副院长": "leaders",
    "审判委员会专职委员": "leaders",
}


# ---------------------------------------------------------------- the oracle (exact arithmetic)


def half_up_cents(x: Fraction) -> int:
    """x (in units) to whole cents, 0.5 cent up."""
    c = x * 100
    return int((c + Fraction(1, 2)).__floor__())


def split_cents(total_cents: int, weights: list[Fraction]) -> list[int]:
    s = sum(weights)
    raw = [total_cents * w / s for w in weights]
    base = [int(r.__floor__()) for r in raw]
    rest = total_cents - sum(base)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[:rest]:
        base[i] += 1
    return base


def role_full_year_cents(common: float, post: str, weights: list[Fraction]) -> list[int]:
    fraction = Fraction(FRACTIONS.get(post, "1"))
    return split_cents(half_up_cents(Fraction(str(common)) * fraction), weights)


def days_in_post(year: int, start: str | None, end: str | None) -> list[tuple[int, int]]:
    """(days in post, days of month) per month, counting day by day."""
    lo = dt.date.fromisoformat(start) if start else dt.date(1900, 1, 1)
    hi = dt.date.fromisoformat(end) if end else dt.date(2999, 12, 31)
    out = []
    for m in range(1, 13):
        n = calendar.monthrange(year, m)[1]
        out.append((sum(1 for d in range(1, n + 1) if lo <= dt.date(year, m, d) <= hi), n))
    return out


def oracle_months(year, common, post, start, end, weights, from_month=1) -> list[int]:
    full = role_full_year_cents(common, post, weights)
    days = days_in_post(year, start, end)
    return [
        0 if m + 1 < from_month else half_up_cents(Fraction(full[m] * d, 100 * n))
        for m, (d, n) in enumerate(days)
    ]


def oracle_replan_post(common, previous_common, post, weights, from_month) -> list[int]:
    """A post's cents in a re-plan from F: the previous year plan's months before F; the rest of the
    new annual figure (never below 0) split over months F…12 by the pattern."""
    kept = role_full_year_cents(previous_common, post, weights)[: from_month - 1]
    annual = half_up_cents(Fraction(str(common)) * Fraction(FRACTIONS.get(post, "1")))
    rest = max(0, annual - sum(kept))
    return kept + split_cents(rest, weights[from_month - 1 :])


def oracle_plan(year, roster, common, weights, previous=None, from_month=1, previous_common=None):
    """{judge: [cents × 12]} for judges in post during the year. A re-plan (``previous``: the year
    plan's cents, made with ``previous_common``) keeps each judge's months before F and gives the
    months after the post's re-planned cents × the share of the month in post."""
    out = {}
    for r in roster:
        days = days_in_post(year, r["in_post_from"], r["in_post_to"])
        if sum(d for d, _ in days) == 0:
            continue
        w = weights[r["track"]]
        if previous is None:
            out[r["name"]] = oracle_months(
                year, common[r["track"]], r["post"], r["in_post_from"], r["in_post_to"], w, from_month
            )
            continue
        post = oracle_replan_post(common[r["track"]], previous_common[r["track"]], r["post"], w, from_month)
        kept = previous.get(r["name"], [0] * 12)
        new = [half_up_cents(Fraction(post[m] * d, 100 * n)) for m, (d, n) in enumerate(days)]
        out[r["name"]] = kept[: from_month - 1] + new[from_month - 1 :]
    return out


def oracle_score(completion: Fraction, breakpoints) -> Fraction:
    pts = [(Fraction(str(x)), Fraction(str(y))) for x, y in breakpoints]
    if completion <= pts[0][0]:
        return pts[0][1]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        if completion <= x1:
            return y0 + (y1 - y0) * (completion - x0) / (x1 - x0)
    return pts[-1][1]


def oracle_ranks(values: dict[str, Fraction]) -> dict[str, int]:
    return {k: 1 + sum(1 for o in values.values() if o > v) for k, v in values.items()}


def frac_weights(arr) -> list[Fraction]:
    return [Fraction(int(round(x))) for x in arr]


# ---------------------------------------------------------------- the application's path


def app_plan(year, roster, common, weights_counts, previous=None, from_month=1, previous_common=None):
    frame = pd.DataFrame(roster, columns=["name", "division", "post", "track", "in_post_from", "in_post_to"])
    weights = {
        t: q.month_weights("last_year", year, np.asarray(c, dtype=float)) for t, c in weights_counts.items()
    }
    quotas = q.judge_quotas(year, frame, common, default_params(year), None, weights)
    prev, posts = None, None
    if previous is not None:
        prev = pd.DataFrame(
            [[k, *(c / 100 for c in v)] for k, v in previous.items()], columns=["judge", *COLS]
        )
        first = q.judge_quotas(year, frame, previous_common, default_params(year), None, weights)
        posts = q.post_targets(first, weights)  # the year plan's post months, as a plan stores them
    return q.plan_months(year, quotas, weights, prev, from_month, posts)


def judge(name, division, post, start, end, track="trial"):
    return {
        "name": name,
        "division": division,
        "post": post,
        "track": track,
        "in_post_from": start,
        "in_post_to": end,
    }


PATTERN = {
    "trial": [812, 403, 1022, 987, 1003, 1110, 958, 640, 1077, 1009, 1121, 1730],
    "enforcement": [1] * 12,
}
AWKWARD = [
    judge("甲", "民一庭", "审判员", "2010-01-01", None),
    judge("乙", "民一庭", "审判员", "2024-02-29", None),  # joins on leap day
    judge("丙", "民一庭", "审判员", "2010-01-01", "2024-02-29"),  # leaves on leap day
    judge("丁", "民一庭", "审判员", "2024-12-31", None),  # joins on the last day
    judge("戊", "民一庭", "审判员", "2010-01-01", "2024-01-01"),  # leaves on the first day
    judge("己", "民二庭", "审判员", "2024-07-15", "2024-07-15"),  # joins and leaves the same day
    judge("庚", "民二庭", "庭长", "2024-03-01", "2024-11-30"),
    judge("辛", "民二庭", "副庭长", "2024-06-16", None),
    judge("壬", "院", "副院长", "2015-01-01", None),
    judge("癸", "院", "审判委员会专职委员", "2024-04-30", None),
    judge("子", "院", "院长", "2024-01-31", "2024-10-01"),
    judge("丑", "执一", "审判员", "2024-05-31", "2024-08-01", "enforcement"),
    judge("寅", "民二庭", "审判员", "2020-01-01", "2023-12-31"),  # left before the year
    judge("卯", "民二庭", "审判员", "2025-01-01", None),  # joins after the year
]


def _as_cents(months: pd.DataFrame) -> dict[str, list[int]]:
    return {
        r[0]: [int(round(x * 100)) for x in r[1:]] for r in months[["judge", *COLS]].itertuples(index=False)
    }


def _check(year, roster, common, previous=None, from_month=1, previous_common=None):
    weights = {t: frac_weights(c) for t, c in PATTERN.items()}
    want = oracle_plan(year, roster, common, weights, previous, from_month, previous_common)
    quotas, months = app_plan(
        year, [list(r.values()) for r in roster], common, PATTERN, previous, from_month, previous_common
    )
    got = _as_cents(months)
    assert set(got) == set(want)
    for name, cents in want.items():
        assert got[name] == cents, name
    # quota = Σ months, to the cent, for every judge; division target = Σ its judges
    qt = quotas.set_index("judge")["quota"]
    for name, cents in want.items():
        assert int(round(qt[name] * 100)) == sum(cents), name
    return want, quotas, months


def test_awkward_dates_agree_with_the_oracle():
    want, _, _ = _check(YEAR, AWKWARD, {"trial": 363.0, "enforcement": 345.0})
    assert "寅" not in want and "卯" not in want
    full = role_full_year_cents(363.0, "审判员", frac_weights(PATTERN["trial"]))
    assert sum(full) == 36300
    # leap day join: 1 of 29 February days, then the full-year months
    assert want["乙"][1] == half_up_cents(Fraction(full[1], 2900)) and want["乙"][2:] == full[2:]
    assert want["丙"][:2] == [full[0], half_up_cents(Fraction(full[1] * 29, 2900))] == full[:2]
    assert want["丁"] == [0] * 11 + [half_up_cents(Fraction(full[11], 3100))]
    assert want["戊"] == [half_up_cents(Fraction(full[0], 3100))] + [0] * 11
    assert want["己"] == [0] * 6 + [half_up_cents(Fraction(full[6], 3100))] + [0] * 5


@pytest.mark.parametrize("seed", range(60))
def test_random_rosters_and_replans_agree_with_the_oracle(seed):
    rng = random.Random(seed)
    year = rng.choice([2023, 2024, 2025])
    posts = ["审判员"] * 6 + list(FRACTIONS)
    start_of = dt.date(year - 1, 12, 1).toordinal()
    roster = []
    for i in range(12):
        a = dt.date.fromordinal(start_of + rng.randrange(420)) if rng.random() < 0.5 else None
        b = dt.date.fromordinal(start_of + rng.randrange(420)) if rng.random() < 0.5 else None
        if a and b and b < a:
            a, b = b, a
        roster.append(
            judge(f"j{i}", f"d{i % 3}", rng.choice(posts), a and a.isoformat(), b and b.isoformat(), "trial")
        )
    common = {"trial": float(rng.randrange(150, 450)), "enforcement": 300.0}
    first, _, _ = _check(year, roster, common)
    k = rng.randrange(2, 13)
    common2 = {"trial": float(rng.randrange(150, 450)), "enforcement": 300.0}
    second, quotas, _ = _check(year, roster, common2, previous=first, from_month=k, previous_common=common)
    # a judge in post all year (no override) ends it with the new common × fraction, unless the
    # months kept before the re-plan already exceed it (issue 26: the new notice's figure)
    w = frac_weights(PATTERN["trial"])
    for r in roster:
        days = days_in_post(year, r["in_post_from"], r["in_post_to"])
        if all(d == n for d, n in days):
            annual = half_up_cents(Fraction(str(common2["trial"])) * Fraction(FRACTIONS.get(r["post"], "1")))
            kept = sum(role_full_year_cents(common["trial"], r["post"], w)[: k - 1])
            assert sum(second[r["name"]]) == max(annual, kept), r["name"]


def test_score_and_ranks_agree_with_the_oracle():
    bp = default_params(YEAR).score.breakpoints
    for c in [Fraction(0), Fraction(1, 3), Fraction(1), Fraction(6, 5), Fraction(3, 2), Fraction(2)]:
        assert q.score(float(c), bp) == pytest.approx(float(oracle_score(c, bp)), abs=1e-9)
    frame = pd.DataFrame(
        {
            "judge": list("abcdefg"),
            "division": ["x"] * 7,
            "group": ["leaders", "leaders", "heads", "heads", "ordinary", "ordinary", "ordinary"],
            "completion": [0.9, 0.95, 1.1, 1.1, 0.8, 1.2, 0.8],
        }
    )
    got = q.rank_in_groups(frame, "completion", ["group"]).tolist()
    want = {}
    for _, part in frame.groupby("group"):
        want.update(oracle_ranks({r.judge: Fraction(str(r.completion)) for r in part.itertuples()}))
    assert got == [want[j] for j in frame["judge"]] == [2, 1, 1, 1, 2, 1, 2]
