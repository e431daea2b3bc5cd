"""The standard-case engine against figures worked out by hand."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import examples
from workload_app.core.credit import credit_by_judge
from workload_app.core.params import Params, Rule, TrialParams, default_params
from workload_app.core.problems import ParameterError
from workload_app.core.standard import (
    AWAITING_APPROVAL,
    INCOMPLETE,
    OUTLIER,
    compute_averages,
    compute_standard_cases,
    explain,
    hold_reasons,
    trimmed_mean,
)

NAN = math.nan


def frame(rows: list[dict]) -> pd.DataFrame:
    base = {
        "category": "civil",
        "type_code": "民初",
        "procedure": "普通程序",
        "cause": "",
        "closing_method": "判决",
        "approved": None,
        "judge": "张三",
        "panel": "",
    }
    out = [dict(base, case_id=i + 1, **r) for i, r in enumerate(rows)]
    return pd.DataFrame(out)


def pages(f, t, j, **kw) -> dict:
    return dict(file_pages=f, transcript_pages=t, judgment_pages=j, **kw)


def plain(year=2025, **trial) -> Params:
    return Params(year=year, trial=TrialParams(**trial))


# Reference year: F̄ = (100+200+300)/3 = 200, T̄ = (10+20+0)/3 = 10, J̄ = (5+10+15)/3 = 10.
REFERENCE = frame(
    [
        pages(100, 10, 5),
        pages(200, 20, 10),
        pages(300, 0, 15, category="criminal", type_code="刑初"),
    ]
)


def sc_of(cases, params, reference=REFERENCE):
    averages = compute_averages(reference, params)
    return compute_standard_cases(cases, params, averages)


def test_formula_by_hand():
    params = plain()
    res = sc_of(frame([pages(150, 5, 20)]), params)
    # 0.15·150/200 + 0.25·5/10 + 0.60·20/10 = 0.1125 + 0.125 + 1.2
    assert res["sc"].iloc[0] == pytest.approx(1.4375, abs=1e-12)
    assert res["unit"].iloc[0] == "trial"
    assert res["flags"].iloc[0] == 0


def test_averages_by_hand():
    avg = compute_averages(REFERENCE, plain())["court"]
    assert (avg.file, avg.transcript, avg.judgment, avg.base_cases) == (200.0, 10.0, 10.0, 3)


def test_explanation_names_each_term():
    params = plain()
    cases = frame([pages(150, 5, 20)])
    res = sc_of(cases, params)
    text = explain(cases.iloc[0].to_dict(), res.iloc[0].to_dict(), params)
    assert text == "卷宗 150/200.0×0.15 + 笔录 5/10.0×0.25 + 文书 20/10.0×0.60 = 1.44"


def test_per_category_pooling():
    ref = frame(
        [
            pages(100, 10, 5),
            pages(200, 20, 10),
            pages(300, 6, 15, category="criminal", type_code="刑初"),
            pages(500, 10, 25, category="criminal", type_code="刑初"),
        ]
    )
    params = plain(pooling="category")
    avgs = compute_averages(ref, params)
    assert avgs["civil"][:3] == (150.0, 15.0, 7.5)
    assert avgs["criminal"][:3] == (400.0, 8.0, 20.0)
    cases = frame([pages(150, 15, 7.5), pages(200, 4, 30, category="criminal", type_code="刑初")])
    res = compute_standard_cases(cases, params, avgs)
    assert res["sc"].iloc[0] == pytest.approx(1.0)
    # criminal: 0.15·200/400 + 0.25·4/8 + 0.60·30/20 = 0.075 + 0.125 + 0.9
    assert res["sc"].iloc[1] == pytest.approx(1.1)
    # court pooling gives another figure for the same case: F̄=275, T̄=11.5, J̄=13.75
    court = sc_of(cases, plain(), ref)
    assert court["sc"].iloc[1] == pytest.approx(0.15 * 200 / 275 + 0.25 * 4 / 11.5 + 0.60 * 30 / 13.75)


def test_trimmed_mean_drops_floor_n_p_at_each_end():
    values = np.array([1.0, 2.0, 3.0, 4.0, 100.0])
    assert trimmed_mean(values, 20) == pytest.approx(3.0)  # floor(5·0.2)=1 each end: mean(2,3,4)
    assert trimmed_mean(values, 19) == pytest.approx(22.0)  # floor(0.95)=0: nothing dropped
    ref = frame([pages(f, 10, 10) for f in (1, 2, 3, 4, 100)])
    avg = compute_averages(ref, plain(trim_percent=20, outlier_factor=0))["court"]  # 100 would be held
    assert avg.file == pytest.approx(3.0)
    assert avg.transcript == pytest.approx(10.0)


def test_cap_applies_after_factor():
    rules = (Rule("小额诉讼", "factor", 0.8, procedure=("小额诉讼",)),)
    params = plain(cap=2.0, rules=rules)
    cases = frame([pages(1000, 50, 50), pages(1000, 50, 50, procedure="小额诉讼"), pages(400, 20, 20)])
    res = sc_of(cases, params)
    # page SC: 0.15·5 + 0.25·5 + 0.6·5 = 5.0 -> capped 2.0; with factor 4.0 -> capped 2.0
    # third: 0.15·2 + 0.25·2 + 0.6·2 = 2.0 exactly -> 2.0
    assert list(res["sc"]) == pytest.approx([2.0, 2.0, 2.0])
    assert res["page_sc"].iloc[0] == pytest.approx(5.0)
    res_nocap = sc_of(cases, plain(rules=rules))
    assert list(res_nocap["sc"]) == pytest.approx([5.0, 4.0, 2.0])


def test_fixed_and_factor_rules_first_match_wins():
    rules = (
        Rule("减刑假释", "fixed", 0.2, type_code=("刑更",)),
        Rule("小额诉讼", "factor", 0.8, procedure=("小额诉讼",)),
        Rule("撤诉", "fixed", 0.3, closing_method=("撤诉",)),
        Rule("劳动争议", "factor", 1.5, cause_contains=("劳动",)),
    )
    params = plain(rules=rules)
    cases = frame(
        [
            pages(NAN, NAN, NAN, category="criminal", type_code="刑更"),  # fixed, no pages needed
            pages(200, 10, 10, procedure="小额诉讼", closing_method="撤诉"),  # factor comes first
            pages(200, 10, 10, closing_method="撤诉"),  # fixed 0.3
            pages(200, 10, 10, cause="劳动合同纠纷"),  # 1.0 x 1.5
            pages(NAN, 10, 10, procedure="小额诉讼"),  # factor needs pages
        ]
    )
    res = sc_of(cases, params)
    assert list(res["rule"]) == [0, 1, 2, 3, 1]
    assert res["sc"].iloc[0] == pytest.approx(0.2)
    assert res["flags"].iloc[0] == 0
    assert res["sc"].iloc[1] == pytest.approx(0.8)
    assert res["sc"].iloc[2] == pytest.approx(0.3)
    assert res["sc"].iloc[3] == pytest.approx(1.5)
    assert math.isnan(res["sc"].iloc[4])
    assert res["flags"].iloc[4] & INCOMPLETE


def test_fixed_rule_cases_are_not_base_cases_factor_cases_are():
    ref = frame(
        [
            pages(100, 10, 10),
            pages(900, 90, 90, closing_method="撤诉"),  # fixed: left out of the averages
            pages(300, 30, 30, procedure="小额诉讼"),  # factor: stays in
        ]
    )
    rules = (
        Rule("撤诉", "fixed", 0.3, closing_method=("撤诉",)),
        Rule("小额诉讼", "factor", 0.8, procedure=("小额诉讼",)),
    )
    avg = compute_averages(ref, plain(rules=rules))["court"]
    assert (avg.file, avg.transcript, avg.judgment, avg.base_cases) == (200.0, 20.0, 20.0, 2)


def test_incomplete_pages_get_no_sc_and_stay_out_of_averages():
    ref = frame([pages(100, 10, 10), pages(NAN, 1000, 1000), pages(300, 30, 30)])
    avg = compute_averages(ref, plain())["court"]
    assert (avg.file, avg.transcript, avg.base_cases) == (200.0, 20.0, 2)
    res = sc_of(frame([pages(100, None, 10)]), plain(), ref)
    assert math.isnan(res["sc"].iloc[0])
    assert res["flags"].iloc[0] == INCOMPLETE


def test_enforcement_with_and_without_approval():
    params = default_params(2025)
    cases = frame(
        [
            dict(category="enforcement", type_code="执", closing_method="执行完毕"),
            dict(category="enforcement", type_code="执", closing_method="终结本次执行程序", approved=True),
            dict(category="enforcement", type_code="执", closing_method="终结本次执行程序", approved=False),
            dict(category="enforcement", type_code="执恢", closing_method="终结执行", approved=None),
            dict(category="enforcement", type_code="执", closing_method="驳回申请"),
        ]
    )
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        cases[c] = NAN
    res = compute_standard_cases(cases, params, compute_averages(REFERENCE, params))
    assert list(res["unit"]) == ["enforcement"] * 5
    assert list(res["sc"]) == [1.0, 1.0, 0.0, 0.0, 0.0]
    assert [int(f) for f in res["flags"]] == [0, 0, AWAITING_APPROVAL, AWAITING_APPROVAL, 0]
    text = explain(cases.iloc[2].to_dict(), res.iloc[2].to_dict(), params)
    assert "未经廉政监察员审批" in text


def test_panel_shares():
    params = replace(plain(), panel=replace(plain().panel, responsible_share=0.6, member_share=0.2))
    cases = frame(
        [
            pages(200, 10, 10, judge="张三", panel="张三、李四，王五"),  # SC 1.0
            pages(400, 20, 20, judge="李四", panel=""),  # SC 2.0, alone: 0.6 of it
        ]
    )
    res = sc_of(cases, params)
    tally = credit_by_judge(cases, res, params).set_index("judge")
    assert tally.loc["张三", "sc_trial"] == pytest.approx(0.6)
    assert tally.loc["李四", "sc_trial"] == pytest.approx(0.2 + 1.2)
    assert tally.loc["王五", "sc_trial"] == pytest.approx(0.2)
    assert tally.loc["张三", "cases"] == 1 and tally.loc["王五", "cases"] == 0
    default = credit_by_judge(cases, res, plain()).set_index("judge")
    assert default.loc["张三", "sc_trial"] == pytest.approx(1.0)
    assert "王五" not in default.index


def test_reference_year_previous_versus_own_year():
    this_year = frame([pages(50, 5, 5), pages(150, 15, 15)])  # averages 100, 10, 10
    previous = plain(year=2025)
    own = plain(year=2025, average_year=2025)
    assert previous.reference_year == 2024 and own.reference_year == 2025
    case = frame([pages(100, 10, 10)])
    assert sc_of(case, previous, REFERENCE)["sc"].iloc[0] == pytest.approx(0.15 * 0.5 + 0.25 * 1 + 0.6 * 1)
    assert sc_of(case, own, this_year)["sc"].iloc[0] == pytest.approx(1.0)


def test_reference_year_without_base_cases_is_an_error():
    only_fixed = frame([pages(10, 1, 1, type_code="刑更", category="criminal")])
    params = plain(rules=(Rule("减刑假释", "fixed", 0.2, type_code=("刑更",)),))
    with pytest.raises(ParameterError) as err:
        compute_averages(only_fixed, params)
    assert err.value.key == "trial.average_year"
    assert "2024" in str(err.value)
    with pytest.raises(ParameterError):
        compute_averages(frame([]).reindex(columns=REFERENCE.columns), plain())


def test_average_zero_for_weighted_component_is_an_error():
    ref = frame([pages(100, 0, 10), pages(200, 0, 10)])
    with pytest.raises(ParameterError) as err:
        compute_averages(ref, plain())
    assert err.value.key == "trial.weights.transcript"
    # with no weight on transcripts, the zero average is harmless
    ok = plain(w_file=0.4, w_transcript=0.0, w_judgment=0.6)
    assert compute_averages(ref, ok)["court"].file == 150.0


def test_outliers_flagged_against_median_of_type_code():
    cases = frame([pages(100, 10, 10), pages(100, 10, 10), pages(120, 10, 10), pages(601, 10, 10)])
    res = sc_of(cases, plain(outlier_factor=5))
    assert [bool(f & OUTLIER) for f in res["flags"]] == [False, False, False, True]


# ---------------------------------------------------------------- held for review (待复核)

HUGE = 99_999  # under the import ceiling (100,000), far above 5 x any median here


def test_held_outlier_earns_nothing_and_says_why():
    cases = frame([pages(100, 10, 10), pages(100, 10, 10), pages(120, 10, 10), pages(HUGE, 10, 10)])
    params = plain(outlier_factor=5)
    res = sc_of(cases, params)
    assert res["sc"].iloc[3] == 0.0
    # the others as by hand against REFERENCE (F̄ 200, T̄ 10, J̄ 10): 0.075 + 0.25 + 0.6
    assert res["sc"].iloc[0] == pytest.approx(0.925, abs=1e-12)
    case = dict(cases.iloc[3].to_dict(), hold_reason=hold_reasons(cases, params)[3])
    assert case["hold_reason"] == "卷宗页数 99999，超过同类型（民初）中位数 110 的 5 倍"
    text = explain(case, res.iloc[3].to_dict(), params)
    assert "待复核" in text and "卷宗页数 99999" in text and "暂计 0" in text


def test_held_outlier_stays_out_of_the_averages():
    ref = frame([pages(100, 10, 10), pages(200, 20, 10), pages(300, 0, 10), pages(HUGE, 10, 10)])
    avg = compute_averages(ref, plain(outlier_factor=5))["court"]
    assert (avg.file, avg.transcript, avg.judgment, avg.base_cases) == (200.0, 10.0, 10.0, 3)


def test_confirmed_or_corrected_outlier_counts_as_it_is():
    ref = frame([pages(100, 10, 10), pages(200, 20, 10), pages(300, 0, 10), pages(HUGE, 10, 10)])
    ref["page_review"] = [None, None, None, "confirmed"]
    params = plain(outlier_factor=5)
    avg = compute_averages(ref, params)["court"]
    assert (avg.file, avg.base_cases) == ((600 + HUGE) / 4, 4)
    res = compute_standard_cases(ref, params, {"court": avg})
    assert res["flags"].iloc[3] == 0
    assert res["sc"].iloc[3] == pytest.approx(0.15 * HUGE / avg.file + 0.25 * 10 / 10 + 0.60 * 10 / 10)


def test_fixed_rule_and_enforcement_cases_are_never_held():
    """A case taken by a fixing rule needs no pages and an enforcement case counts by its closing
    method: their pages move nothing, so they are not held (and not flagged)."""
    rules = (Rule("减刑假释", "fixed", 0.2, type_code=("刑更",)),)
    params = plain(outlier_factor=5, rules=rules)
    cases = frame(
        [pages(10, 1, 1, type_code="刑更", category="criminal") for _ in range(3)]
        + [pages(HUGE, 1, 1, type_code="刑更", category="criminal")]
        + [
            pages(10, 0, 1, type_code="执", category="enforcement", closing_method="执行完毕")
            for _ in range(3)
        ]
        + [pages(HUGE, 0, 1, type_code="执", category="enforcement", closing_method="执行完毕")]
    )
    res = sc_of(cases, params)
    assert (res["flags"] & OUTLIER == 0).all()
    assert res["sc"].tolist() == [0.2] * 4 + [1.0] * 4


def test_factor_rule_case_is_held():
    rules = (Rule("小额诉讼", "factor", 0.8, procedure=("小额诉讼",)),)
    cases = frame([pages(100, 10, 10)] * 3 + [pages(HUGE, 10, 10, procedure="小额诉讼")])
    res = sc_of(cases, plain(outlier_factor=5, rules=rules))
    assert bool(res["flags"].iloc[3] & OUTLIER) and res["sc"].iloc[3] == 0.0


def test_outlier_factor_zero_holds_nothing():
    cases = frame([pages(100, 10, 10)] * 3 + [pages(HUGE, 10, 10)])
    res = sc_of(cases, plain(outlier_factor=0))
    assert (res["flags"] == 0).all() and res["sc"].iloc[3] > 70


# ---------------------------------------------------------------- properties

page = st.integers(min_value=1, max_value=2000)
page_rows = st.lists(st.tuples(page, page, page), min_size=1, max_size=40)


@settings(max_examples=examples(60), deadline=None)
@given(rows=page_rows, which=st.sampled_from(["file", "transcript", "judgment"]))
def test_all_weight_on_one_component_gives_pages_over_its_average(rows, which):
    weights = {"file": 0.0, "transcript": 0.0, "judgment": 0.0, which: 1.0}
    params = plain(
        w_file=weights["file"],
        w_transcript=weights["transcript"],
        w_judgment=weights["judgment"],
        outlier_factor=0,
    )
    cases = frame([pages(*r) for r in rows])
    res = sc_of(cases, params, cases)
    col = {"file": 0, "transcript": 1, "judgment": 2}[which]
    values = np.array([r[col] for r in rows], dtype=float)
    assert np.allclose(res["sc"].to_numpy(), values / values.mean(), rtol=1e-12)


@settings(max_examples=examples(60), deadline=None)
@given(rows=page_rows, k=st.integers(min_value=2, max_value=50))
def test_scaling_every_page_count_leaves_sc_unchanged(rows, k):
    params = plain()  # scaling keeps every ratio to the median: the same cases are held
    cases = frame([pages(*r) for r in rows])
    scaled = frame([pages(*(x * k for x in r)) for r in rows])
    try:
        a = sc_of(cases, params, cases)["sc"].to_numpy()
    except ParameterError as refused:  # every case held as an outlier: no base cases to average
        with pytest.raises(ParameterError) as scaled_refused:
            sc_of(scaled, params, scaled)
        assert (scaled_refused.value.key, str(scaled_refused.value)) == (refused.key, str(refused))
        return
    b = sc_of(scaled, params, scaled)["sc"].to_numpy()
    assert np.allclose(a, b, rtol=1e-12)


@settings(max_examples=examples(60), deadline=None)
@given(rows=page_rows)
def test_mean_sc_of_own_reference_year_is_one(rows):
    params = plain(average_year=2025, outlier_factor=0)
    cases = frame([pages(*r) for r in rows])
    res = sc_of(cases, params, cases)
    assert res["sc"].mean() == pytest.approx(1.0, rel=1e-12)


@settings(max_examples=examples(60), deadline=None)
@given(
    rows=st.lists(st.tuples(*[st.integers(10, 40)] * 3), min_size=2, max_size=40),
    huge=st.integers(20_001, 99_999),
)
def test_held_cases_earn_nothing_and_the_rest_average_one(rows, huge):
    """With outliers held, the cases not held average exactly 1 in their own reference year
    (ordinary counts within 10..40 pages: none is 5 x a median of at least 10)."""
    params = plain(average_year=2025, outlier_factor=5)
    cases = frame([pages(*r) for r in rows] + [pages(huge, 5, 5)])
    res = sc_of(cases, params, cases)
    held = (res["flags"] & OUTLIER) > 0
    assert held.tolist() == [False] * len(rows) + [True]
    assert (res.loc[held, "sc"] == 0).all()
    assert res.loc[~held, "sc"].mean() == pytest.approx(1.0, rel=1e-12)
