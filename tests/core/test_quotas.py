"""Quotas, monthly targets, re-plans, scores, ranks and transfers against figures worked by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import examples
from workload_app.core import quotas as q
from workload_app.core.params import default_params

YEAR = 2025  # 365 days; July–December = 31+31+30+31+30+31 = 184 days

JUDGES = pd.DataFrame(
    [
        ("甲", "民事审判第一庭", "院长", "trial", "2010-01-01", None),
        ("乙", "民事审判第一庭", "庭长", "trial", "2012-01-01", None),
        ("丙", "民事审判第一庭", "审判员", "trial", "2015-01-01", None),
        ("丁", "民事审判第二庭", "审判员", "trial", "2025-07-01", None),
        ("戊", "刑事审判庭", "审判员", "trial", "2016-01-01", None),
        ("己", "刑事审判庭", "审判员", "trial", "2016-01-01", "2024-12-31"),  # left before the year
    ],
    columns=["name", "division", "post", "track", "in_post_from", "in_post_to"],
)
PARAMS = default_params(YEAR)


def inputs() -> q.QuotaInputs:
    equivalents = 0.10 + 0.60 + 1.0 + 184 / 365 + 1.0
    return q.QuotaInputs(
        "trial",
        history_per_judge=100.0,
        carry_over=200,
        expected_filings=800.0,
        closing_rate=0.95,
        sc_per_case=1.2,
        judge_equivalents=equivalents,
    )


def test_common_quota_by_hand():
    i = inputs()
    assert i.target_sc == pytest.approx(0.95 * 1000 * 1.2)  # 1140
    assert i.target_based == pytest.approx(1140 / 3.2041095890410958)  # 355.793…
    assert i.blended == pytest.approx(0.5 * 100 + 0.5 * 355.7930175)
    assert i.common_quota == 228.0


def test_share_of_year_by_days():
    assert q.share_of_year(YEAR, "2025-07-01", None) == pytest.approx(184 / 365)
    assert q.share_of_year(YEAR, "2010-01-01", "2025-03-31") == pytest.approx(90 / 365)
    assert q.share_of_year(2024, "2024-01-01", "2024-01-31") == pytest.approx(31 / 366)
    assert q.share_of_year(YEAR, "2016-01-01", "2024-12-31") == 0.0


def test_judge_quotas_and_division_targets_by_hand():
    quotas = q.judge_quotas(YEAR, JUDGES, {"trial": 228.0}, PARAMS).set_index("judge")
    assert "己" not in quotas.index
    # even pattern: 丁 (in post July–December) gets the full-year month target 228 / 12 = 19 for each of
    # his six months: 6 × 19 = 114 (not 228 × 184/365 = 114.94 by calendar days)
    assert quotas["quota"].to_dict() == {"甲": 22.8, "乙": 136.8, "丙": 228.0, "丁": 114.0, "戊": 228.0}
    targets = quotas.groupby("division")["quota"].sum().round(2).to_dict()
    assert targets == {"民事审判第一庭": 387.6, "民事审判第二庭": 114.0, "刑事审判庭": 228.0}


def test_override_replaces_computed_quota_and_keeps_reason():
    quotas = q.judge_quotas(
        YEAR, JUDGES, {"trial": 228.0}, PARAMS, {"丙": {"quota": 200, "reason": "病假三个月"}}
    )
    row = quotas.set_index("judge").loc["丙"]
    assert (row["computed_quota"], row["quota"], row["override_reason"]) == (228.0, 200.0, "病假三个月")


def test_monthly_targets_even_and_part_year():
    quotas = q.judge_quotas(YEAR, JUDGES, {"trial": 228.0}, PARAMS)
    months = q.monthly_targets(YEAR, quotas, q.month_weights("even", YEAR)).set_index("judge")
    assert months.loc["丙"].tolist() == [19.0] * 12
    # 丁 joined on 1 July: the same 19 a full-year colleague gets, for July–December
    assert months.loc["丁"].tolist() == [0.0] * 6 + [19.0] * 6
    for judge, quota in quotas.set_index("judge")["quota"].items():
        assert months.loc[judge].sum() == pytest.approx(quota, abs=1e-9)


def test_monthly_targets_follow_last_years_pattern():
    closures = np.array([50, 25, 100, 100, 100, 100, 100, 100, 100, 100, 100, 200], dtype=float)  # 1175
    w = q.month_weights("last_year", YEAR, closures)
    assert w[1] == pytest.approx(25 / 1175) and w[11] == pytest.approx(200 / 1175)
    quotas = q.judge_quotas(YEAR, JUDGES, {"trial": 235.0}, PARAMS, weights=w)
    m = q.monthly_targets(YEAR, quotas, w).set_index("judge").loc["丙"].tolist()
    assert m[0] == 10.0 and m[1] == 5.0 and m[11] == 40.0 and sum(m) == pytest.approx(235.0)


def test_working_days_pattern():
    w = q.month_weights("working_days", YEAR)
    assert w[1] == pytest.approx(20 / 261)  # February 2025: 20 weekdays of 261 in the year


def test_replan_in_july_keeps_january_to_june():
    quotas = q.judge_quotas(YEAR, JUDGES, {"trial": 228.0}, PARAMS)
    even = q.month_weights("even", YEAR)
    before = q.monthly_targets(YEAR, quotas, even)
    new = q.judge_quotas(YEAR, JUDGES, {"trial": 240.0}, PARAMS)
    after = q.replan_targets(YEAR, new, before, even, 7).set_index("judge")
    # 丙: 6 × 19 = 114 kept; July–December share the rest of the new 240 (issue 26, DOMAIN revised:
    # was the new full-year months 240 / 12 = 20, a year of 234 against a notice of 240):
    # (240 − 114) / 6 = 21 each, so the full-year judge's year is the new quota 240
    assert after.loc["丙"].tolist() == [19.0] * 6 + [21.0] * 6
    # 丁 joined on 1 July: the post's targets for the months in post, six of 21 = 126, like 丙's
    assert after.loc["丁"].tolist() == [0.0] * 6 + [21.0] * 6
    assert (
        after.iloc[:, :6].to_numpy() == before.set_index("judge").loc[after.index].iloc[:, :6].to_numpy()
    ).all()


def test_replanned_filings_run_rate():
    """Without last year's filings: the straight run-rate × 12 / (F − 1)."""
    actual = np.array([60, 40, 80, 80, 90, 50, 0, 0, 0, 0, 0, 0], dtype=float)  # 400 in six months
    assert q.replanned_filings(actual, 7) == pytest.approx(400 * 12 / 6)
    assert q.replanned_filings(actual, 7, np.zeros(12)) == pytest.approx(800.0)


def test_replanned_filings_seasonal_run_rate():
    """DOMAIN re-plans: filings of months 1…F−1 ÷ last year's share of the track's filings in those
    months. Last year 1,000 filed, 250 of them January–June (a slow first half): 400 ÷ 0.25 = 1,600
    (the straight run-rate would say 800)."""
    actual = np.array([60, 40, 80, 80, 90, 50, 0, 0, 0, 0, 0, 0], dtype=float)
    last = np.array([30, 20, 50, 50, 50, 50, 100, 100, 100, 100, 150, 200], dtype=float)
    assert last.sum() == 1000 and last[:6].sum() == 250
    assert q.replanned_filings(actual, 7, last) == pytest.approx(1600.0)
    # nothing filed yet this year: nothing to forecast from
    assert np.isnan(q.replanned_filings(np.zeros(12), 7, last))


@pytest.mark.parametrize(
    ("completion", "points"), [(0.0, 0), (0.5, 30), (1.0, 60), (1.25, 80), (1.5, 100), (2.0, 100)]
)
def test_score_breakpoints(completion, points):
    assert q.score(completion, ((0.0, 0.0), (1.0, 60.0), (1.5, 100.0))) == pytest.approx(points)


def test_ranking_within_post_groups_with_ties():
    frame = pd.DataFrame(
        {
            "division": ["民一", "民一", "民一", "民一", "民二"],
            "post": ["审判员", "审判员", "审判员", "庭长", "审判员"],
            "completion": [1.0, 1.0, 0.8, 0.5, 1.2],
        }
    )
    assert q.rank_in_groups(frame, "completion", ["division", "post"]).tolist() == [1, 1, 3, 1, 1]
    assert q.rank_in_groups(frame, "completion", ["post"]).tolist() == [2, 2, 4, 1, 1]


def test_transfer_from_overloaded_to_short_civil_division():
    divisions = pd.DataFrame(
        {
            "division": ["民事审判第一庭", "民事审判第二庭", "商事审判庭", "刑事审判庭"],
            "category": ["civil", "civil", "civil", "criminal"],
            "surplus": [50.0, -30.0, 10.0, -20.0],
            "sc_per_case": [1.25, 1.25, 1.25, 1.0],
        }
    )
    moves = q.suggest_transfers(divisions)
    assert moves == [q.Transfer("民事审判第一庭", "民事审判第二庭", 30.0, 24, "civil")]


def test_coefficient_of_variation():
    assert q.coefficient_of_variation(np.array([100.0, 200.0, 300.0])) == pytest.approx(np.std([1, 2, 3]) / 2)


@settings(max_examples=examples(50), deadline=None)
@given(common=st.floats(min_value=1, max_value=2000), pattern=st.sampled_from(["even", "working_days"]))
def test_rounding_never_splits_division_target_from_judges(common, pattern):
    w = q.month_weights(pattern, YEAR)
    quotas = q.judge_quotas(YEAR, JUDGES, {"trial": round(common)}, PARAMS, weights=w)
    months = q.monthly_targets(YEAR, quotas, w)
    frame = quotas.merge(months, on="judge")
    for _, part in frame.groupby("division"):
        target = round(part["quota"].sum(), 2)
        monthly = part[[f"m{m}" for m in range(1, 13)]].to_numpy().sum()
        assert round(monthly, 2) == target


def test_completion_distribution_counts_each_band_with_its_lower_edge():
    from workload_app.core.quotas import completion_bands, completion_distribution

    assert completion_bands() == ["0–60%", "60–80%", "80–100%", "100–120%", "≥120%"]
    completion = pd.Series([0.0, 0.59, 0.6, 0.79999, 0.8, 0.95, 1.0, 1.19, 1.2, 2.5, float("nan")])
    got = completion_distribution(completion)
    # <60: 0, 0.59 | 60–80: 0.6, 0.79999 | 80–100: 0.8, 0.95 | 100–120: 1.0, 1.19 | ≥120: 1.2, 2.5
    assert got.tolist() == [2, 2, 2, 2, 2]
    assert completion_distribution(pd.Series([float("nan")])).sum() == 0
