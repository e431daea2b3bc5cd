"""Issue 30: a case's explanation in the English window's language — the same formula and figures
as the Chinese one, its words in English; names, closing methods and rules stay as recorded."""

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

NAN = math.nan


def test_page_formula_in_english_has_the_chinese_figures():
    params = plain()
    cases = frame([pages(150, 5, 20)])
    res = sc_of(cases, params)
    case, result = cases.iloc[0].to_dict(), res.iloc[0].to_dict()
    # 0.15·150/200 + 0.25·5/10 + 0.60·20/10 = 1.4375, shown as 1.44
    assert explain(case, result, params, "en") == (
        "file 150/200.0×0.15 + transcript 5/10.0×0.25 + judgment 20/10.0×0.60 = 1.44"
    )
    assert (
        explain(case, result, params) == "卷宗 150/200.0×0.15 + 笔录 5/10.0×0.25 + 文书 20/10.0×0.60 = 1.44"
    )
    text = explain_with_averages(case, result, params, "en")
    assert text.splitlines()[1] == (
        f"Here 200.0, 10.0, 10.0 are the average file, transcript and judgment pages of the court's base "
        f"cases in the reference year {params.reference_year}: a case with exactly the average pages "
        "counts as 1 standard case."
    )


def test_enforcement_and_incomplete_cases_in_english():
    params = default_params(2025)
    cases = frame(
        [
            dict(category="enforcement", type_code="执", closing_method="终结本次执行程序", approved=True),
            dict(category="enforcement", type_code="执", closing_method="终结本次执行程序", approved=False),
        ]
    )
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        cases[c] = NAN
    res = compute_standard_cases(cases, params, compute_averages(REFERENCE, params))
    said = [explain(cases.iloc[i].to_dict(), res.iloc[i].to_dict(), params, "en") for i in range(2)]
    assert said == [
        "Enforcement case, 终结本次执行程序, approved: counts 1",
        "Enforcement case, 终结本次执行程序: not approved by the integrity supervisor yet, counts 0 for now",
    ]
    trial = frame([pages(150, NAN, NAN)])
    res = sc_of(trial, plain())
    assert explain(trial.iloc[0].to_dict(), res.iloc[0].to_dict(), plain(), "en") == (
        "Incomplete data (no transcript pages, judgment pages): no standard cases"
    )
    assert (
        explain(trial.iloc[0].to_dict(), res.iloc[0].to_dict(), plain())
        == "数据不全（缺庭审笔录页数、裁判文书页数），不计标准案件"
    )
