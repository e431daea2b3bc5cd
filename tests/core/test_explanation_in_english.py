"""A case's standard-case explanation is a coded text: the Chinese as it always read, and the same
figures in English for the English window (issue 30 point 4: "the case explanation's formula");
the court's own words (a closing method, a rule's name) stay as written."""

from __future__ import annotations

import math

from tests.core.test_standard import REFERENCE, frame, pages, plain, sc_of
from workload_app.core.params import default_params
from workload_app.core.standard import (
    compute_averages,
    compute_standard_cases,
    explain,
    explain_with_averages,
)


def test_the_formula_in_both_languages():
    params = plain()
    cases = frame([pages(150, 5, 20)])
    res = sc_of(cases, params)
    text = explain(cases.iloc[0].to_dict(), res.iloc[0].to_dict(), params)
    # 0.15·150/200 + 0.25·5/10 + 0.60·20/10 = 1.4375, shown to 2 places
    assert text == "卷宗 150/200.0×0.15 + 笔录 5/10.0×0.25 + 文书 20/10.0×0.60 = 1.44"
    assert text.render("en") == "File 150/200.0×0.15 + Transcript 5/10.0×0.25 + Judgment 20/10.0×0.60 = 1.44"


def test_the_divisors_explained_in_english():
    params = plain()
    cases = frame([pages(150, 5, 20)])
    res = sc_of(cases, params)
    text = explain_with_averages(cases.iloc[0].to_dict(), res.iloc[0].to_dict(), params)
    year = params.reference_year
    assert text.render("en") == (
        "File 150/200.0×0.15 + Transcript 5/10.0×0.25 + Judgment 20/10.0×0.60 = 1.44\n"
        "Here 200.0, 10.0, 10.0 are the average file, transcript and judgment pages of the court-wide "
        f"base cases of the reference year {year}: a case with exactly the average pages counts 1 standard case."
    )
    assert str(text).endswith(
        f"其中 200.0、10.0、10.0 是参照年度 {year} 年全院基准案件的平均卷宗、庭审笔录、裁判文书页数："
        "页数恰为平均的案件计 1 件标准案件。"
    )


def test_an_enforcement_case_awaiting_approval_keeps_its_closing_method():
    params = default_params(2025)
    cases = frame(
        [dict(category="enforcement", type_code="执", closing_method="终结本次执行程序", approved=False)]
    )
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        cases[c] = math.nan
    res = compute_standard_cases(cases, params, compute_averages(REFERENCE, params))
    text = explain(cases.iloc[0].to_dict(), res.iloc[0].to_dict(), params)
    assert text == "执行案件，终结本次执行程序：未经廉政监察员审批，暂计 0"
    assert text.render("en") == (
        "Enforcement case, 终结本次执行程序: not approved by the integrity supervisor, counted 0 for now"
    )


def test_missing_pages_are_named_in_english():
    params = plain()
    cases = frame([pages(150, math.nan, 20)])
    res = sc_of(cases, params)
    text = explain(cases.iloc[0].to_dict(), res.iloc[0].to_dict(), params)
    assert text == "数据不全（缺庭审笔录页数），不计标准案件"
    assert text.render("en") == "Incomplete data (missing transcript pages): no standard cases"


def test_the_common_quotas_derivation_in_both_languages():
    from workload_app.core.quotas import derivation_text

    # target basis 95%×(40+500)×1.2000÷3.00 = 205.2; 0.5×180 + 0.5×205.2 = 192.6, rounded 193
    inputs = dict(
        history_per_judge=180.0,
        closing_rate=0.95,
        carry_over=40,
        expected_filings=500.0,
        sc_per_case=1.2,
        judge_equivalents=3.0,
        target_based=205.2,
        history_weight=0.5,
        blended=192.6,
        common_quota=193.0,
    )
    text = derivation_text(inputs)
    assert text == (
        "历史口径 180.00；目标口径 95%×(40+500)×1.2000÷3.00 = 205.20；0.5×180.00 + 0.5×205.20 = 192.60，取整 193"
    )
    assert text.render("en") == (
        "history basis 180.00; target basis 95%×(40+500)×1.2000÷3.00 = 205.20; "
        "0.5×180.00 + 0.5×205.20 = 192.60, rounded 193"
    )


def test_the_staffing_assumption_in_both_languages():
    from workload_app.core.assessment import staffing_assumption

    text = staffing_assumption(6, 0.48, 180, "trial", "even")
    assert text == (
        "按审判月度任务分布（各月平均），1–6 月占全年 48.0%：预计全年 = 截至本月标准案件 ÷ 48.0%；"
        "所需法官 = 预计全年 ÷ 一名审判员的年度基本任务 180"
    )
    assert text.render("en") == (
        "By the trial monthly distribution (the same each month), months 1–6 are 48.0% of the year: the year "
        "expected = standard cases to date ÷ 48.0%; judges needed = the year expected ÷ one judge's basic "
        "annual quota 180"
    )


def test_an_approved_enforcement_case_in_english():
    params = default_params(2025)
    cases = frame(
        [dict(category="enforcement", type_code="执", closing_method="终结本次执行程序", approved=True)]
    )
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        cases[c] = math.nan
    res = compute_standard_cases(cases, params, compute_averages(REFERENCE, params))
    case, result = cases.iloc[0].to_dict(), res.iloc[0].to_dict()
    # 终结本次执行程序 needs the integrity supervisor's approval and, approved, counts 1
    assert explain(case, result, params) == "执行案件，终结本次执行程序，已审批：计 1"
    assert explain(case, result, params, "en") == "Enforcement case, 终结本次执行程序, approved: counts 1"
