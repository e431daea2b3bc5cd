"""Part-year judges, re-plans and role groups on a hand-worked roster (issue 15).

Pattern: last year's closures [50, 25, 100 × 9, 200] (sum 1175). With a common quota of 235 an
ordinary judge's full-year month targets are 235 × c / 1175 = c / 5:
    [10, 5, 20, 20, 20, 20, 20, 20, 20, 20, 20, 40]   (sum 235)
A 副院长 or 专职委员 (fraction 0.35): 82.25 → 8225 hundredths × c / 1175 = 7c hundredths:
    [3.5, 1.75, 7, 7, 7, 7, 7, 7, 7, 7, 7, 14]       (sum 82.25)
Re-plan from July with a common quota of 282 (= 235 × 1.2): ordinary months 282 × c / 1175 = 0.24c:
    July–November 24 each, December 48 (Jul–Dec 168); 副院长 0.35 × 282 = 98.7 → 0.084c:
    July–November 8.4, December 16.8 (Jul–Dec 58.8).
Every figure below is worked from these lines, not from the code under test.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import examples
from workload_app.core import quotas as q
from workload_app.core.params import POSTS, default_params

YEAR = 2025
PARAMS = default_params(YEAR)
CLOSURES = np.array([50, 25, 100, 100, 100, 100, 100, 100, 100, 100, 100, 200], dtype=float)
W = q.month_weights("last_year", YEAR, CLOSURES)
ROSTER = pd.DataFrame(
    [
        ("丙", "民一庭", "审判员", "trial", "2015-01-01", None),  # full year
        ("庚", "民一庭", "审判员", "trial", "2012-01-01", "2025-06-30"),  # leaves on 30 June
        ("辛", "民一庭", "审判员", "trial", "2025-03-01", None),  # joins on 1 March
        ("壬", "民二庭", "审判员", "trial", "2025-03-16", None),  # joins mid-March
        ("癸", "民一庭", "副院长", "trial", "2010-01-01", None),
        ("子", "民二庭", "审判委员会专职委员", "trial", "2010-01-01", None),
        ("丑", "民二庭", "审判员", "trial", "2016-01-01", "2024-12-31"),  # left before the year
    ],
    columns=["name", "division", "post", "track", "in_post_from", "in_post_to"],
)
ORDINARY = [10.0, 5.0] + [20.0] * 9 + [40.0]
LEADER = [3.5, 1.75] + [7.0] * 9 + [14.0]


def _plan(common: float = 235.0, overrides=None):
    quotas = q.judge_quotas(YEAR, ROSTER, {"trial": common}, PARAMS, overrides, W)
    return q.plan_months(YEAR, quotas, W)


def test_part_year_judges_get_the_full_year_month_targets_for_their_months():
    quotas, months = _plan()
    m = months.set_index("judge")
    assert "丑" not in m.index  # not in post in 2025: not in the year's plan
    assert m.loc["丙"].tolist() == ORDINARY
    # leaver: January–June of the full-year colleague, 10 + 5 + 4 × 20 = 95, then nothing
    assert m.loc["庚"].tolist() == ORDINARY[:6] + [0.0] * 6
    # joiner on 1 March: March–December as the colleague, 9 × 20 + 40 = 220
    assert m.loc["辛"].tolist() == [0.0, 0.0] + ORDINARY[2:]
    # joiner on 16 March: 16 of 31 March days, 20 × 16/31 = 10.3226 → 10.32; then as the colleague
    assert m.loc["壬"].tolist() == [0.0, 0.0, 10.32] + ORDINARY[3:]
    assert m.loc["癸"].tolist() == LEADER and m.loc["子"].tolist() == LEADER
    got = quotas.set_index("judge")["quota"].to_dict()
    assert got == {"丙": 235.0, "庚": 95.0, "辛": 220.0, "壬": 210.32, "癸": 82.25, "子": 82.25}


def test_division_target_is_the_sum_of_its_judges():
    quotas, _ = _plan()
    targets = quotas.groupby("division")["quota"].sum().round(2).to_dict()
    # 民一庭 235 + 95 + 220 + 82.25 = 632.25; 民二庭 210.32 + 82.25 = 292.57
    assert targets == {"民一庭": 632.25, "民二庭": 292.57}


def test_replan_in_july_after_the_leaver_keeps_quota_equal_to_months():
    """Changed with issue 26 (DOMAIN re-plans, revised): the months from July are no longer the new
    full-year month targets (24 × 5 + 48, which gave a full-year judge 95 + 168 = 263 against a new
    notice of 282) but the rest of the new annual figure after the post's kept months, by the pattern:
    ordinary 282 − 95 = 187 = 18700 hundredths over July–December weights 100 × 5, 200 (sum 700):
    2671.43 × 5 and 5342.86; floors 13355 + 5342 = 18697, the 3 left to the largest remainders
    (December .857, then July and August .429): 26.72, 26.72, 26.71, 26.71, 26.71, 53.43.
    副院长 0.35 × 282 = 98.70 − kept 33.25 = 65.45: 9.35 × 5 and 18.70 exactly."""
    _, first = _plan()
    quotas = q.judge_quotas(YEAR, ROSTER, {"trial": 282.0}, PARAMS, None, W)
    quotas, months = q.plan_months(YEAR, quotas, W, first, 7)
    m = months.set_index("judge")
    new_ordinary = [26.72, 26.72, 26.71, 26.71, 26.71, 53.43]  # 187
    assert m.loc["丙"].tolist() == ORDINARY[:6] + new_ordinary  # 95 kept + 187 = 282, the new quota
    # the leaver keeps his January–June and gets nothing after: quota 95, not a re-spread figure
    assert m.loc["庚"].tolist() == ORDINARY[:6] + [0.0] * 6
    assert m.loc["辛"].tolist() == [0.0, 0.0] + ORDINARY[2:6] + new_ordinary  # 80 + 187 = 267
    assert m.loc["壬"].tolist() == [0.0, 0.0, 10.32] + ORDINARY[3:6] + new_ordinary  # 70.32 + 187
    assert m.loc["癸"].tolist() == LEADER[:6] + [9.35] * 5 + [18.7]  # 33.25 + 65.45 = 98.70
    got = quotas.set_index("judge")["quota"].to_dict()
    assert got == {"丙": 282.0, "庚": 95.0, "辛": 267.0, "壬": 257.32, "癸": 98.7, "子": 98.7}
    # 民一庭 282 + 95 + 267 + 98.70 = 742.70
    assert round(quotas.loc[quotas["division"] == "民一庭", "quota"].sum(), 2) == 742.7


def test_replan_with_kept_months_above_the_new_figure_leaves_nothing_to_spread():
    """A re-plan from July with a common quota of 80: the ordinary post kept 95 before July, above
    80: July–December get 0 and the full-year judge's year stays at the 95 already issued."""
    _, first = _plan()
    quotas = q.judge_quotas(YEAR, ROSTER, {"trial": 80.0}, PARAMS, None, W)
    quotas, months = q.plan_months(YEAR, quotas, W, first, 7)
    m = months.set_index("judge")
    assert m.loc["丙"].tolist() == ORDINARY[:6] + [0.0] * 6
    # 副院长: 0.35 × 80 = 28 < 33.25 kept: nothing after June either
    assert m.loc["癸"].tolist() == LEADER[:6] + [0.0] * 6


def test_override_is_spread_over_the_months_in_post_and_is_the_quota():
    # 庚 (January–June) set to 120 by 人事: 12000 hundredths over weights 50, 25, 100 × 4 (sum 475):
    # raw 1263.158, 631.579, 2526.316 × 4; floors add to 1263 + 631 + 4 × 2526 = 11998; the 2 left
    # go to the largest remainders: February (.579), then March (first of the equal .316s)
    quotas, months = _plan(overrides={"庚": {"quota": 120.0, "reason": "借调"}})
    row = quotas.set_index("judge").loc["庚"]
    m = months.set_index("judge").loc["庚"].tolist()
    assert m == [12.63, 6.32, 25.27, 25.26, 25.26, 25.26] + [0.0] * 6
    assert (row["quota"], row["computed_quota"], row["override_reason"]) == (120.0, 95.0, "借调")


def test_vice_president_and_full_time_member_rank_in_one_group():
    groups = PARAMS.assessment
    frame = pd.DataFrame(
        {
            "division": ["民一庭", "民二庭", "民一庭", "民一庭", "民一庭"],
            "post": ["副院长", "审判委员会专职委员", "庭长", "副庭长", "审判员"],
            "completion": [0.9, 1.1, 0.7, 0.8, 1.5],
        }
    )
    frame["post_group"] = [groups.group_of(r) for r in frame["post"]]
    assert frame["post_group"].tolist() == ["院领导", "院领导", "庭领导", "庭领导", "审判员"]
    ranks = q.rank_in_groups(frame, "completion", ["post_group"]).tolist()
    # 院领导: 专职委员 1.1 first, 副院长 0.9 second; 庭领导: 副庭长 0.8 first, 庭长 0.7 second
    assert ranks == [2, 1, 2, 1, 1]


# ---------------------------------------------------------------- property: 500 generated courts

DATES = st.one_of(
    st.none(),
    st.dates(min_value=pd.Timestamp("2023-06-01").date(), max_value=pd.Timestamp("2026-06-30").date()),
)


@st.composite
def courts(draw):
    n = draw(st.integers(min_value=1, max_value=12))
    rows = []
    for i in range(n):
        a, b = draw(DATES), draw(DATES)
        if a is not None and b is not None and b < a:
            a, b = b, a
        rows.append(
            (
                f"法官{i}",
                draw(st.sampled_from(["民一庭", "民二庭", "执行局"])),
                draw(st.sampled_from(POSTS)),
                draw(st.sampled_from(["trial", "enforcement"])),
                a.isoformat() if a else None,
                b.isoformat() if b else None,
            )
        )
    return pd.DataFrame(rows, columns=["name", "division", "post", "track", "in_post_from", "in_post_to"])


def _check(year, quotas, months):
    cols = [f"m{m}" for m in q.MONTHS]
    frame = quotas.merge(months, on="judge")
    assert len(frame) == len(quotas) == len(months)
    sums = frame[cols].to_numpy().sum(axis=1)
    assert np.abs(sums - frame["quota"].to_numpy()).max(initial=0) < 1e-6  # quota = Σ months
    for division, part in frame.groupby("division"):
        target = round(part["quota"].sum(), 2)
        assert abs(round(part[cols].to_numpy().sum(), 2) - target) < 1e-6, division
    for r in frame.to_dict("records"):  # no target in a month out of post
        shares = q.month_shares_in_post(year, r["in_post_from"], r["in_post_to"])
        assert all(r[c] == 0 for c, s in zip(cols, shares, strict=True) if s == 0)


@pytest.mark.slow  # ~12 s under the ci profile
@settings(max_examples=examples(500), deadline=None)
@given(
    roster=courts(),
    closures=st.lists(st.integers(min_value=0, max_value=300), min_size=12, max_size=12),
    commons=st.tuples(st.integers(0, 400), st.integers(0, 400), st.integers(0, 400), st.integers(0, 400)),
    replans=st.lists(st.integers(min_value=2, max_value=12), min_size=1, max_size=3),
    overridden=st.one_of(st.none(), st.tuples(st.integers(0, 11), st.floats(0, 500))),
)
def test_every_plan_version_keeps_quota_equal_to_months(roster, closures, commons, replans, overridden):
    weights = {
        "trial": q.month_weights("last_year", YEAR, np.array(closures, dtype=float)),
        "enforcement": q.month_weights("working_days", YEAR),
    }
    overrides = {}
    if overridden is not None and overridden[0] < len(roster):
        overrides[roster["name"].iloc[overridden[0]]] = {"quota": overridden[1], "reason": "调整"}
    common = {"trial": float(commons[0]), "enforcement": float(commons[1])}
    quotas = q.judge_quotas(YEAR, roster, common, PARAMS, overrides, weights)
    if quotas.empty:
        return
    quotas, months = q.plan_months(YEAR, quotas, weights)
    _check(YEAR, quotas, months)
    # same role, same track, same months in post, no override: same month targets
    frame = quotas.merge(months, on="judge")
    plain = frame[frame["override_reason"] == ""]
    for _, part in plain.groupby(["post", "track", "in_post_from", "in_post_to"], dropna=False):
        assert (part[[f"m{m}" for m in q.MONTHS]].nunique() <= 1).all()
    new_common = {"trial": float(commons[2]), "enforcement": float(commons[3])}
    for start in sorted(replans):
        new = q.judge_quotas(YEAR, roster, new_common, PARAMS, overrides, weights)
        before = months
        quotas, months = q.plan_months(YEAR, new, weights, before, start)
        _check(YEAR, quotas, months)
        kept = before.set_index("judge")[[f"m{m}" for m in range(1, start)]]
        now = months.set_index("judge")[[f"m{m}" for m in range(1, start)]]
        assert now.equals(kept.loc[now.index])  # past months stay as they were
