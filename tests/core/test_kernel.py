"""The standard-case kernel: the weight-independent parts computed once, against figures by hand."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from workload_app.core.credit import credit_by_judge, judge_shares
from workload_app.core.params import Params, Rule, TrialParams
from workload_app.core.standard import Averages, compute_standard_cases, standard_kernel

NAN = math.nan
AVERAGES = {"court": Averages(200.0, 10.0, 10.0, 3)}
PARAMS = Params(
    year=2025,
    trial=TrialParams(
        w_file=0.2,
        w_transcript=0.3,
        w_judgment=0.5,
        cap=3.0,
        outlier_factor=0,
        rules=(
            Rule("减刑", "fixed", 0.2, type_code=("刑更",)),
            Rule("特别程序", "factor", 0.5, type_code=("民特",)),
        ),
    ),
)


def _cases() -> pd.DataFrame:
    rows = [
        ("civil", "民初", "判决", 400, 20, 5),  # ratios 2, 2, 0.5
        ("criminal", "刑更", "裁定", 400, 20, 5),  # fixed 0.2
        ("civil", "民特", "判决", 200, 10, 10),  # ratios 1, 1, 1; × 0.5
        ("civil", "民初", "判决", NAN, 10, 10),  # incomplete
        ("civil", "民初", "判决", 2000, 10, 10),  # ratios 10, 1, 1: capped at 3
        ("enforcement", "执", "执行完毕", NAN, NAN, NAN),
    ]
    return pd.DataFrame(
        [
            dict(
                case_id=i + 1,
                category=c,
                type_code=t,
                procedure="普通程序",
                cause="",
                closing_method=m,
                approved=None,
                file_pages=f,
                transcript_pages=tr,
                judgment_pages=j,
            )
            for i, (c, t, m, f, tr, j) in enumerate(rows)
        ]
    )


def test_kernel_holds_pages_over_averages_and_rules_worked_out_by_hand():
    k = standard_kernel(_cases(), PARAMS, AVERAGES)
    ratios = k.pages / k.avg
    assert ratios[0].tolist() == [2.0, 2.0, 0.5]
    assert ratios[2].tolist() == [1.0, 1.0, 1.0]
    assert ratios[4].tolist() == [10.0, 1.0, 1.0]
    assert np.isnan(k.avg[5]).all()  # enforcement: no page averages
    assert k.rules.tolist() == [-1, 0, 1, -1, -1, -1]
    assert k.fixed.tolist() == [False, True, False, False, False, False]
    assert k.factor.tolist() == [False, False, True, False, False, False]
    assert k.incomplete.tolist() == [False, False, False, True, False, True]
    assert k.unit.tolist() == ["trial"] * 5 + ["enforcement"]


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        # 0.2·2 + 0.3·2 + 0.5·0.5 = 1.25; 0.2+0.3+0.5 = 1 × 0.5; 0.2·10 + 0.3 + 0.5 = 2.8
        ((0.2, 0.3, 0.5), [1.25, 0.2, 0.5, NAN, 2.8, 1.0]),
        # 0.5·2 + 0.5·2 = 2; (0.5 + 0.5) × 0.5; 0.5·10 + 0.5 = 5.5, capped at 3
        ((0.5, 0.5, 0.0), [2.0, 0.2, 0.5, NAN, 3.0, 1.0]),
    ],
)
def test_kernel_sc_at_any_weights_is_the_engine_run_with_those_weights(weights, expected):
    cases = _cases()
    k = standard_kernel(cases, PARAMS, AVERAGES)
    got = k.sc(np.array(weights))
    assert got == pytest.approx(expected, nan_ok=True)
    engine = compute_standard_cases(cases, PARAMS.with_weights(*weights), AVERAGES)["sc"].to_numpy()
    assert np.array_equal(got, engine, equal_nan=True)  # bit for bit: one kernel


def test_judge_shares_and_credit_by_judge_apply_the_same_panel_links():
    params = replace(PARAMS, panel=replace(PARAMS.panel, responsible_share=0.6, member_share=0.2))
    cases = _cases().iloc[[0, 2, 1]].reset_index(drop=True)  # SC 1.25, 0.5, 0.2
    cases["judge"] = ["张三", "李四", "王五"]
    cases["panel"] = ["张三、李四，王五、李四", "", "张三"]
    res = compute_standard_cases(cases, params, AVERAGES)
    assert judge_shares(cases, "张三", params).tolist() == [0.6, 0.0, 0.2]
    assert judge_shares(cases, "李四", params).tolist() == [0.2, 0.6, 0.0]  # named twice: once
    assert judge_shares(cases, "王五", params).tolist() == [0.2, 0.0, 0.6]
    assert judge_shares(cases, "赵六", params).tolist() == [0.0, 0.0, 0.0]
    tally = credit_by_judge(cases, res, params).set_index("judge")
    assert tally["sc_trial"].to_dict() == pytest.approx(
        {"张三": 0.6 * 1.25 + 0.2 * 0.2, "李四": 0.2 * 1.25 + 0.6 * 0.5, "王五": 0.2 * 1.25 + 0.6 * 0.2}
    )
    assert tally["cases"].to_dict() == {"张三": 1, "李四": 1, "王五": 1}
    for judge in tally.index:
        shares = judge_shares(cases, judge, params).to_numpy()
        assert tally.loc[judge, "sc_trial"] == pytest.approx((shares * res["sc"].to_numpy()).sum())
