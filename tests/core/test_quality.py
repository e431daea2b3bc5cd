"""Quality indicators by value, on hand-worked cases (the day counts are worked out in the comments)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd
import pytest

from workload_app.core import quality as qm
from workload_app.core.params import (
    ParameterError,
    QualityParams,
    TimeLimit,
    default_params,
    params_from_toml,
    params_to_toml,
)

Q = QualityParams()


def case(**kw) -> dict:
    base = {
        "case_number": "",
        "judge": "张三",
        "division": "民一庭",
        "category": "civil",
        "instance": "first",
        "procedure": "普通程序",
        "closing_method": "判决",
        "filed_on": None,
        "closed_on": None,
        "time_limit_days": None,
        "extension_days": None,
        "deducted_days": None,
        "appealed": None,
        "appeal_result": None,
        "enforcement_applied": None,
        "enforcement_recovered": None,
    }
    base.update(kw)
    return base


CASES = pd.DataFrame(
    [
        # A: 6 months to 2024-07-10, closed that very day: within; 182 days
        case(case_number="A", filed_on="2024-01-10", closed_on="2024-07-10"),
        # B: 简易 3 months -> 2024-06-01, + 60 deducted days (公告) -> 2024-07-31: within; 136 - 60 = 76 days
        case(
            case_number="B",
            procedure="简易程序",
            closing_method="调解",
            filed_on="2024-03-01",
            closed_on="2024-07-15",
            deducted_days=60,
        ),
        # C: criminal 2 months -> 2024-04-01, + 30 days' extension -> 2024-05-01: within; 79 days
        case(
            case_number="C",
            category="criminal",
            filed_on="2024-02-01",
            closed_on="2024-04-20",
            extension_days=30,
        ),
        # D: filed 2023, closed 2024 (carried over); deadline 2024-03-15: within; 158 days
        case(case_number="D", closing_method="调解", filed_on="2023-09-15", closed_on="2024-02-20"),
        # E: deadline 2024-07-05, closed 2024-08-30: late; 238 days; appealed, reversed (改判)
        case(
            case_number="E",
            filed_on="2024-01-05",
            closed_on="2024-08-30",
            appealed=True,
            appeal_result="改判",
        ),
        # F: 简易 -> 2024-07-01: within; 61 days; remanded (no 上诉 flag, outcome on file)
        case(
            case_number="F",
            procedure="简易程序",
            filed_on="2024-04-01",
            closed_on="2024-06-01",
            appeal_result="发回重审",
        ),
        # G: ruling (驳回起诉), appealed and the appeal withdrawn: appealed, not reversed; 123 days
        case(
            case_number="G",
            closing_method="驳回起诉",
            filed_on="2024-05-10",
            closed_on="2024-09-10",
            appealed=True,
            appeal_result="撤诉",
        ),
        # open cases: exactly 12, 18 and 36 months old at 2024-12-31; K 11 months
        case(case_number="H", filed_on="2023-12-31"),
        case(case_number="I", filed_on="2023-06-30"),
        case(case_number="J", filed_on="2021-12-31"),
        case(case_number="K", filed_on="2024-01-01"),
        # enforcement: 6 months; L within (90 days), M late (259 days)
        case(
            case_number="L",
            judge="王五",
            division="执行局",
            category="enforcement",
            instance="other",
            procedure="",
            closing_method="执行完毕",
            filed_on="2024-02-01",
            closed_on="2024-05-01",
            enforcement_applied=100000.0,
            enforcement_recovered=40000.0,
        ),
        case(
            case_number="M",
            judge="王五",
            division="执行局",
            category="enforcement",
            instance="other",
            procedure="",
            closing_method="终结本次执行程序",
            filed_on="2024-03-01",
            closed_on="2024-11-15",
            enforcement_applied=50000.0,
            enforcement_recovered=0.0,
        ),
        # N: closed in 2023: in nothing of 2024
        case(case_number="N", filed_on="2023-01-05", closed_on="2023-12-30"),
        # O: the export's 审限天数 30 -> 2024-10-31, closed 2024-11-05: late; 35 days
        case(
            case_number="O",
            closing_method="撤诉",
            filed_on="2024-10-01",
            closed_on="2024-11-05",
            time_limit_days=30,
        ),
    ]
)
YEAR = qm.Period.year_to_month(2024, 12)


def court(period=YEAR, cases=CASES, q=Q) -> qm.QualityFigures:
    (fig,) = qm.figures(
        cases, q, period, "court", data_date=dt.date(2025, 1, 5), appeals_date=dt.date(2025, 3, 1)
    )
    return fig


def test_period_year_to_month():
    assert qm.Period.year_to_month(2024, 2) == qm.Period(dt.date(2024, 1, 1), dt.date(2024, 2, 29))
    assert qm.Period.year_to_month(2024, 12).end == dt.date(2024, 12, 31)


def test_counts_over_the_year():
    f = court()
    assert (f.filed, f.carried_over, f.closed, f.pending) == (10, 4, 10, 4)
    assert f.indicator("closing_rate").numerator == 10
    assert f.indicator("closing_rate").denominator == 14
    assert f.indicator("closing_rate").value == pytest.approx(10 / 14)
    assert f.indicator("closed_to_filed").value == pytest.approx(1.0)


def test_within_limit_with_deduction_extension_and_given_limit():
    m = qm.case_measures(CASES.set_index("case_number"), Q)
    assert m["deadline"]["A"] == pd.Timestamp("2024-07-10")
    assert m["deadline"]["B"] == pd.Timestamp("2024-07-31")
    assert m["deadline"]["C"] == pd.Timestamp("2024-05-01")
    assert m["deadline"]["O"] == pd.Timestamp("2024-10-31")
    within = m["within"].dropna().to_dict()
    assert within == {
        "A": True,
        "B": True,
        "C": True,
        "D": True,
        "E": False,
        "F": True,
        "G": True,
        "L": True,
        "M": False,
        "N": False,  # 2023: deadline 2023-07-05
        "O": False,
    }
    ind = court().indicator("within_limit_rate")
    assert (ind.numerator, ind.denominator) == (7, 10)
    assert ind.value == pytest.approx(0.7)
    assert ind.in_range is False  # range ≥ 95 %


def test_deducted_days_make_the_difference():
    """Without its 60 deducted days B would be 44 days late."""
    no_deduction = CASES.assign(deducted_days=None)
    m = qm.case_measures(no_deduction.set_index("case_number"), Q)
    assert m["within"]["B"] is False or m["within"]["B"] == False  # noqa: E712
    assert m["days"]["B"] == 136


def test_mean_days_less_deductions():
    ind = court().indicator("mean_days")
    # 182 + 76 + 79 + 158 + 238 + 61 + 123 + 90 + 259 + 35
    assert (ind.numerator, ind.denominator) == (1301, 10)
    assert ind.value == pytest.approx(130.1)
    assert ind.in_range is False  # range ≤ 120 days


def test_long_pending_bands_at_their_edges():
    f = court()
    assert (f.pending_12_18, f.pending_18_36, f.pending_over_36) == (1, 1, 1)
    ind = f.indicator("long_pending_rate")
    assert (ind.numerator, ind.denominator) == (3, 4)
    at = dt.date(2024, 12, 31)
    listed = qm.long_pending(CASES, at)
    assert listed[["case_number", "age_months", "band"]].values.tolist() == [
        ["J", 36, "36+"],
        ["I", 18, "18-36"],
        ["H", 12, "12-18"],
    ]
    # one day before each edge, each is a band lower
    before = {
        "2023-12-31": dt.date(2024, 12, 30),
        "2023-06-30": dt.date(2024, 12, 29),
        "2021-12-31": dt.date(2024, 12, 30),
    }
    ages = [int(qm.age_months(pd.Series([f]), at).iloc[0]) for f, at in before.items()]
    assert ages == [11, 17, 35]
    assert qm.band_of(pd.Series(ages)).tolist() == [None, "12-18", "18-36"]
    assert qm.long_pending(CASES, dt.date(2024, 12, 30))["case_number"].tolist() == ["J", "I"]


def test_age_of_a_case_filed_on_the_31st():
    filed = pd.Series(["2024-01-31", "2024-01-30", "2024-01-29"])
    assert qm.age_months(filed, dt.date(2024, 2, 29)).tolist() == [1, 1, 1]
    assert qm.age_months(filed, dt.date(2024, 2, 28)).tolist() == [0, 0, 0]


def test_appeals_reversal_and_withdrawn_appeal():
    f = court(q=replace(Q, min_denominator=0))
    accept = f.indicator("acceptance_rate")
    # judgments/rulings of first instance: A, C, E, F, G; appealed: E, F (outcome on file), G (withdrawn)
    assert (accept.numerator, accept.denominator) == (2, 5)
    assert accept.value == pytest.approx(0.4)
    assert accept.data_date == dt.date(2025, 3, 1)
    rev = f.indicator("reversed_remanded_rate")
    # first-instance trial cases closed: A B C D E F G O; reversed E, remanded F; G's withdrawal is not
    assert (rev.numerator, rev.denominator) == (2, 8)
    assert f.reversed_remanded == 2 and f.appealed == 3
    assert rev.in_range is False
    assert f.indicator("closing_rate").data_date == dt.date(2025, 1, 5)


def test_enforcement_recovery_per_judge():
    figs = {f.name: f for f in qm.figures(CASES, Q, YEAR, "judge")}
    ind = figs["王五"].indicator("enforcement_recovery_rate")
    assert (ind.numerator, ind.denominator) == (40000, 150000)
    assert ind.value == pytest.approx(0.26667, abs=1e-5)
    assert ind.in_range is False  # range ≥ 30 %
    assert figs["张三"].indicator("enforcement_recovery_rate").value is None
    assert figs["张三"].indicator("enforcement_recovery_rate").in_range is None
    assert figs["王五"].division == "执行局"


def test_first_half_year():
    f = court(qm.Period.year_to_month(2024, 6))
    assert (f.filed, f.carried_over, f.closed, f.pending) == (9, 4, 4, 9)
    # at 2024-06-30: I is exactly 12 months, J 30 months
    assert (f.pending_12_18, f.pending_18_36, f.pending_over_36) == (1, 1, 0)


def test_division_figures():
    figs = {f.name: f for f in qm.figures(CASES, Q, YEAR, "division")}
    assert set(figs) == {"民一庭", "执行局"}
    assert figs["执行局"].closed == 2 and figs["民一庭"].closed == 8


def test_time_limit_matching_order():
    assert qm.matching_limit(Q.time_limits, "civil", "first", "小额诉讼程序").months == 2
    assert qm.matching_limit(Q.time_limits, "civil", "first", "简易程序").months == 3
    assert qm.matching_limit(Q.time_limits, "criminal", "first", "速裁程序").days == 10
    assert qm.matching_limit(Q.time_limits, "enforcement", "other", "").months == 6
    assert qm.matching_limit(Q.time_limits, "other", "other", "") is None


def test_score_deduction_off_by_default_and_capped():
    assert qm.score_deduction(4, Q) == 0.0
    q = replace(Q, deduction_per_reversed=1.5, deduction_cap=5.0)
    assert qm.score_deduction(2, q) == 3.0
    assert qm.score_deduction(4, q) == 5.0


def test_quality_parameters_round_trip_and_edit():
    p = default_params(2025)
    q = replace(
        p.quality,
        time_limits=(TimeLimit("civil", "first", months=4), TimeLimit("*", "second", days=45)),
        ranges=(("closing_rate", 0.8, 1.0), *p.quality.ranges[1:]),
        deduction_per_reversed=1.0,
        deduction_cap=3.0,
    )
    edited = replace(p, quality=q)
    assert params_from_toml(params_to_toml(edited)) == edited
    assert params_from_toml(params_to_toml(p)) == p


def test_old_parameter_files_get_the_default_quality():
    text = params_to_toml(default_params(2025)).split("\n[quality]")[0]
    assert params_from_toml(text).quality == QualityParams()


@pytest.mark.parametrize(
    ("snippet", "key"),
    [
        ("[quality]\nranges = { closing_rate = { min = 0.9, max = 0.5 } }", "quality.ranges.closing_rate"),
        ("[quality]\nranges = { speed = { min = 0.9 } }", "quality.ranges.speed"),
        (
            '[[quality.time_limits]]\ncategory = "civl"\ninstance = "first"\nmonths = 6',
            "quality.time_limits[0].category",
        ),
        ('[[quality.time_limits]]\ncategory = "civil"\ninstance = "first"', "quality.time_limits[0]"),
        ("[quality]\ndeduction_cap = -1", "quality.deduction_cap"),
    ],
)
def test_bad_quality_parameters_name_their_key(snippet, key):
    with pytest.raises(ParameterError) as err:
        params_from_toml(f"year = 2025\n{snippet}\n")
    assert err.value.key == key


def _closing_cases(on_hand: int, closed: int) -> pd.DataFrame:
    """``on_hand`` cases filed in January 2025, the first ``closed`` of them closed in March."""
    return pd.DataFrame(
        [
            case(
                case_number=f"Z{i}",
                filed_on="2025-01-06",
                closed_on="2025-03-20" if i < closed else None,
            )
            for i in range(on_hand)
        ]
    )


def test_a_half_year_closing_rate_is_judged_against_the_range_scaled_by_six_twelfths():
    cases = _closing_cases(20, 10)  # 结案率 10/20 = 50 %: under the year's 70 %, over 70 % × 6/12 = 35 %
    half = court(qm.Period.year_to_month(2025, 6), cases)
    rate = half.indicator("closing_rate")
    assert (rate.numerator, rate.denominator, rate.value) == (10, 20, 0.5)
    assert rate.low == pytest.approx(0.35) and rate.scale == 0.5
    assert rate.in_range is True and "closing_rate" not in half.out_of_range
    # 结收比 is not scaled: 10/20 = 50 % against 95 %, flagged
    assert half.indicator("closed_to_filed").low == 0.95
    assert half.indicator("closed_to_filed").in_range is False
    assert qm.flag_rule_note(half) == (
        "本期 6 个月，结案率的参考范围按全年范围 × 6/12 折算；分母不足 10 的指标只列数值，不评价。"
    )
    # three months: 70 % × 3/12 = 17.5 %; 3 of 20 closed (15 %) is below it
    quarter = court(qm.Period.year_to_month(2025, 3), _closing_cases(20, 3))
    assert quarter.indicator("closing_rate").low == pytest.approx(0.175)
    assert quarter.indicator("closing_rate").in_range is False


def test_the_full_year_is_judged_against_the_range_as_set():
    year = court(qm.Period.year_to_month(2025, 12), _closing_cases(20, 10))
    rate = year.indicator("closing_rate")
    assert (rate.low, rate.scale, rate.value) == (0.7, 1.0, 0.5)
    assert rate.in_range is False and "closing_rate" in year.out_of_range
    assert qm.flag_rule_note(year) == "分母不足 10 的指标只列数值，不评价。"
    # a court that scales nothing judges a half-year against 70 % too
    half = court(qm.Period.year_to_month(2025, 6), _closing_cases(20, 10), replace(Q, scaled_with_period=()))
    assert half.indicator("closing_rate").low == 0.7
    assert half.indicator("closing_rate").in_range is False


def test_one_of_two_is_shown_but_not_flagged():
    from workload_app.reports.quality_block import indicator_mark

    f = court(qm.Period.year_to_month(2025, 12), _closing_cases(2, 1))
    rate = f.indicator("closing_rate")
    assert (rate.numerator, rate.denominator, rate.value) == (1, 2, 0.5)
    assert rate.too_few and rate.in_range is None and f.out_of_range == ()
    assert indicator_mark(rate) == "不评价"
    # 10 cases reach the minimum: 5 of 10 is judged (and under 70 %)
    ten = court(qm.Period.year_to_month(2025, 12), _closing_cases(10, 5)).indicator("closing_rate")
    assert not ten.too_few and ten.in_range is False
    # a court that sets the minimum to 0 flags 1 of 2
    anyway = court(qm.Period.year_to_month(2025, 12), _closing_cases(2, 1), replace(Q, min_denominator=0))
    assert anyway.indicator("closing_rate").in_range is False
