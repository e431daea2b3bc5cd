"""Property over generated rosters and chains of re-plans (issue 26, DOMAIN re-plans revised), the
way the services chain them (each version's post month targets handed to the next):
- every judge's quota = Σ of the twelve months, to the cent;
- a division's target = Σ of its judges' quotas (months too);
- a judge in post all year without an override ends the year with the latest common quota × the
  post's fraction (the figure the newest notice prints), unless the months kept before the latest
  re-plan already exceed it (then those kept months, nothing more);
- months before a re-plan stay as they were.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.test_part_year_quotas import courts
from workload_app.core import quotas as q
from workload_app.core.params import default_params

YEAR = 2025
PARAMS = default_params(YEAR)
COLS = [f"m{m}" for m in q.MONTHS]


@settings(max_examples=300, deadline=None)
@given(
    roster=courts(),
    closures=st.lists(st.integers(min_value=0, max_value=500), min_size=12, max_size=12),
    commons=st.lists(st.integers(min_value=0, max_value=600), min_size=2, max_size=8),
    starts=st.lists(st.integers(min_value=2, max_value=12), min_size=1, max_size=3),
)
def test_replans_keep_sums_and_the_full_year_judges_year(roster, closures, commons, starts):
    weights = {
        "trial": q.month_weights("last_year", YEAR, np.array(closures, dtype=float)),
        "enforcement": q.month_weights("even", YEAR),
    }
    common = {"trial": float(commons[0]), "enforcement": float(commons[1])}
    quotas = q.judge_quotas(YEAR, roster, common, PARAMS, None, weights)
    if quotas.empty:
        return
    quotas, months = q.plan_months(YEAR, quotas, weights)
    posts = q.post_targets(quotas, weights)
    rest = commons[2:] or [commons[0]]
    for i, start in enumerate(sorted(starts)):
        common = {"trial": float(rest[i % len(rest)]), "enforcement": float(rest[(i + 1) % len(rest)])}
        new = q.judge_quotas(YEAR, roster, common, PARAMS, None, weights)
        before = months
        quotas, months = q.plan_months(YEAR, new, weights, before, start, posts)
        previous_posts, posts = posts, q.post_targets(new, weights, posts, start)
        frame = quotas.merge(months, on="judge")
        # quota = Σ months
        assert np.abs(frame[COLS].to_numpy().sum(axis=1) - frame["quota"].to_numpy()).max() < 1e-6
        # division = Σ judges, the year and each month
        by_division = frame.groupby(["division", "track"])[["quota", *COLS]].sum()
        for (division, track), row in by_division.iterrows():
            mine = frame[(frame["division"] == division) & (frame["track"] == track)]
            assert abs(row["quota"] - mine["quota"].sum()) < 1e-6
            assert abs(row[COLS].sum() - mine[COLS].to_numpy().sum()) < 1e-6
        # past months unchanged
        kept = before.set_index("judge").loc[frame["judge"], COLS[: start - 1]].to_numpy()
        assert (frame[COLS[: start - 1]].to_numpy() == kept).all()
        # a full-year judge's year: the latest common × fraction, or the kept months above it
        for r in frame.to_dict("records"):
            shares = q.month_shares_in_post(YEAR, r["in_post_from"], r["in_post_to"])
            if not (shares == 1).all():
                continue
            annual = q.round_half_up(common[r["track"]] * PARAMS.quota.fraction_of(r["post"]), 2)
            post_kept = float(previous_posts[(r["track"], r["post"])][: start - 1].sum())
            want = max(annual, round(post_kept, 2))
            assert abs(r["quota"] - want) < 1e-6, (r, annual, post_kept)
            assert list(posts[(r["track"], r["post"])]) == [r[c] for c in COLS]


def test_a_full_year_judge_after_a_july_replan_has_the_new_quota_on_the_new_notice():
    """By hand, even pattern, one ordinary judge: the year plan at 360 gives 30 a month; a July
    re-plan at 351 (the issue's figure) keeps January–June (180) and spreads 351 − 180 = 171 over
    July–December: 28.50 each, a year of 351.00 (on main: 180 + 6 × 29.25 = 355.50)."""
    roster = pd.DataFrame(
        [("甲", "民一庭", "审判员", "trial", "2010-01-01", None)],
        columns=["name", "division", "post", "track", "in_post_from", "in_post_to"],
    )
    even = {"trial": q.month_weights("even", YEAR)}
    quotas, months = q.plan_months(
        YEAR, q.judge_quotas(YEAR, roster, {"trial": 360.0}, PARAMS, None, even), even
    )
    assert months.iloc[0][COLS].tolist() == [30.0] * 12
    posts = q.post_targets(quotas, even)
    new = q.judge_quotas(YEAR, roster, {"trial": 351.0}, PARAMS, None, even)
    quotas, months = q.plan_months(YEAR, new, even, months, 7, posts)
    assert months.iloc[0][COLS].tolist() == [30.0] * 6 + [28.5] * 6
    assert quotas.iloc[0]["quota"] == 351.0 == quotas.iloc[0]["computed_quota"]
