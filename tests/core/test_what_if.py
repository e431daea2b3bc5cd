"""Weight what-if (rank stability) against ranks worked out by hand, and against the engine itself."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from workload_app.core.credit import credit_by_judge
from workload_app.core.params import EnforcementParams, PanelParams, Params, Rule, TrialParams
from workload_app.core.standard import Averages, compute_standard_cases
from workload_app.core.what_if import rank_stability, scenario_sc, weight_scenarios

# Averages fixed by hand: F̄ = 200, T̄ = 20, J̄ = 10, so pages give the ratios below directly.
AVERAGES = {"court": Averages(200.0, 20.0, 10.0, 3)}
PARAMS = Params(year=2025, trial=TrialParams(w_file=0.2, w_transcript=0.3, w_judgment=0.5, outlier_factor=0))


def case(i, judge, f, t, j, **kw):
    row = {
        "case_id": i,
        "category": "civil",
        "type_code": "民初",
        "procedure": "普通程序",
        "cause": "",
        "closing_method": "判决",
        "approved": None,
        "judge": judge,
        "panel": "",
        "file_pages": f,
        "transcript_pages": t,
        "judgment_pages": j,
    }
    row.update(kw)
    return row


# Ratios pages/average: A (2, 1, 1), B (1, 1, 1.3), C (1, 1, 1); E alone among 庭长; D enforcement.
CASES = pd.DataFrame(
    [
        case(1, "A", 400, 20, 10),
        case(2, "B", 200, 20, 13),
        case(3, "C", 200, 20, 10),
        case(4, "E", 200, 20, 10),
        case(5, "D", None, None, None, category="enforcement", type_code="执", closing_method="执行完毕"),
        case(6, "D", None, None, None, category="enforcement", type_code="执", closing_method="执行完毕"),
    ]
)
PEOPLE = pd.DataFrame(
    {
        "judge": ["A", "B", "C", "D", "E"],
        "division": ["民一庭", "民一庭", "民二庭", "执行局", "民一庭"],
        "post": ["审判员", "审判员", "审判员", "审判员", "庭长"],
        "track": ["trial", "trial", "trial", "enforcement", "trial"],
        "target_to_date": [math.nan] * 5,
    }
)


def test_scenarios_keep_each_weight_within_the_range_and_sum_to_one():
    s = weight_scenarios(PARAMS, spread=0.20, steps=3)
    # file ∈ {.16, .20, .24}, transcript ∈ {.24, .30, .36}; judgment takes the rest, kept in [.40, .60].
    # All nine combinations qualify; the centre comes first and only once.
    assert len(s) == 9
    assert s.iloc[0].tolist() == pytest.approx([0.2, 0.3, 0.5])
    assert s.sum(axis=1).to_numpy() == pytest.approx(np.ones(9))
    assert s["file"].between(0.16 - 1e-12, 0.24 + 1e-12).all()
    assert s["judgment"].between(0.40 - 1e-12, 0.60 + 1e-12).all()
    assert sorted(s["judgment"].round(4)) == [0.40, 0.44, 0.46, 0.48, 0.50, 0.52, 0.54, 0.56, 0.60]


def test_scenarios_leave_a_zero_weight_at_zero_and_drop_those_out_of_range():
    p = Params(year=2025, trial=TrialParams(w_file=0.0, w_transcript=0.4, w_judgment=0.6))
    s = weight_scenarios(p, spread=0.10, steps=5)
    assert (s["file"] == 0).all()
    # transcript .36….44 in 5 steps; judgment = 1 − transcript stays within .54….66: all 5.
    assert len(s) == 5
    assert sorted(s["transcript"].round(3)) == [0.36, 0.38, 0.40, 0.42, 0.44]


def test_ranks_move_as_worked_out_by_hand():
    centre = compute_standard_cases(CASES, PARAMS, AVERAGES)
    out = rank_stability(CASES, centre, PARAMS, PEOPLE, weight_scenarios(PARAMS, 0.20, 3))
    j = out.judges.set_index("judge")
    assert not out.by_completion
    # A − B = wf − 0.3·wj: +0.05 at the centre, −0.02 at (.16, .24, .60), −0.002 at (.16, .30, .54),
    # positive in the other six scenarios; C (SC 1 always) stays third.
    assert j.loc["A", ["rank", "best", "worst", "swing"]].tolist() == [1, 1, 2, 1]
    assert j.loc["B", ["rank", "best", "worst", "swing"]].tolist() == [2, 1, 2, 1]
    assert j.loc["C", ["rank", "best", "worst", "swing"]].tolist() == [3, 3, 3, 0]
    assert j.loc["A", "unchanged"] == pytest.approx(7 / 9)
    assert j.loc["C", "unchanged"] == 1.0
    # A = 1 + wf ∈ [1.16, 1.24]; B = 1 + 0.3·wj ∈ [1.12, 1.18]; centre 1.2 and 1.15.
    assert j.loc["A", ["sc", "sc_min", "sc_max"]].tolist() == pytest.approx([1.2, 1.16, 1.24])
    assert j.loc["B", ["sc", "sc_min", "sc_max"]].tolist() == pytest.approx([1.15, 1.12, 1.18])
    # E is alone in the 庭长 group; D is on the enforcement track: 2 cases credited 1 each, always.
    assert j.loc["E", ["rank", "swing"]].tolist() == [1, 0]
    assert j.loc["D", ["rank", "swing", "sc", "sc_min", "sc_max"]].tolist() == [1, 0, 2.0, 2.0, 2.0]
    moved = out.scenarios.set_index(["file", "transcript"])["moved"]
    assert moved.loc[(0.16, 0.24)] == 2 and moved.loc[(0.16, 0.30)] == 2
    assert moved.sum() == 4
    assert out.scenarios["max_shift"].max() == 1


def test_with_targets_the_ranks_follow_completion():
    people = PEOPLE.assign(target_to_date=[2.0, 1.0, 1.0, 2.0, 1.0])
    centre = compute_standard_cases(CASES, PARAMS, AVERAGES)
    out = rank_stability(CASES, centre, PARAMS, people, weight_scenarios(PARAMS, 0.20, 3))
    j = out.judges.set_index("judge")
    assert out.by_completion
    # Completion: A (1 + wf)/2 ≈ 0.6, B 1 + 0.3·wj ≥ 1.12, C 1.0: B, C, A in every scenario.
    assert j.loc[["B", "C", "A"], "rank"].tolist() == [1, 2, 3]
    assert (j["swing"] == 0).all()


def _random_court(seed: int, n: int = 400):
    rng = np.random.default_rng(seed)
    judges = [f"法官{i}" for i in range(12)]
    category = rng.choice(["civil", "criminal", "administrative", "enforcement"], n, p=[0.5, 0.2, 0.1, 0.2])
    type_code = np.where(category == "enforcement", "执", rng.choice(["民初", "刑初", "民特", "刑更"], n))
    pages = rng.integers(1, 400, (n, 3)).astype(float)
    pages[rng.random((n, 3)) < 0.03] = np.nan
    judge = rng.choice(judges, n)
    panel = ["、".join(rng.choice(judges, 2, replace=False)) if rng.random() < 0.4 else "" for _ in range(n)]
    cases = pd.DataFrame(
        {
            "case_id": np.arange(n),
            "category": category,
            "type_code": type_code,
            "procedure": rng.choice(["普通程序", "简易程序", "小额诉讼"], n),
            "cause": "",
            "closing_method": np.where(
                category == "enforcement", rng.choice(["执行完毕", "终结本次执行程序"], n), "判决"
            ),
            "approved": rng.random(n) < 0.5,
            "judge": judge,
            "panel": panel,
            "file_pages": pages[:, 0],
            "transcript_pages": pages[:, 1] / 10,
            "judgment_pages": pages[:, 2] / 20,
        }
    )
    params = Params(
        year=2025,
        trial=TrialParams(
            w_file=0.15,
            w_transcript=0.25,
            w_judgment=0.60,
            cap=3.0,
            pooling="category",
            rules=(
                Rule("减刑假释", "fixed", 0.2, type_code=("刑更",)),
                Rule("特别程序", "factor", 0.5, type_code=("民特",)),
                Rule("小额诉讼", "factor", 0.8, procedure=("小额诉讼",)),
            ),
        ),
        enforcement=EnforcementParams(needs_approval=("终结本次执行程序",)),
        panel=PanelParams(responsible_share=0.6, member_share=0.2),
    )
    people = pd.DataFrame(
        {
            "judge": judges,
            "division": ["一庭"] * 6 + ["二庭"] * 6,
            "post": ["审判员"] * 10 + ["庭长"] * 2,
            "track": ["trial"] * 9 + ["enforcement"] * 3,
            "target_to_date": rng.uniform(20, 60, 12),
        }
    )
    return cases, params, people


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_scenario_matches_the_engine_run_with_those_weights(seed):
    """An independent path: rerun the whole engine and credit_by_judge with each scenario's weights."""
    from workload_app.core.standard import compute_averages

    cases, params, people = _random_court(seed)
    averages = compute_averages(cases, params)
    centre = compute_standard_cases(cases, params, averages)
    scenarios = weight_scenarios(params, 0.20, 4)
    out = rank_stability(cases, centre, params, people, scenarios)
    ranks = []
    for wf, wt, wj in scenarios.to_numpy():
        p = params.with_weights(wf, wt, wj)
        full = compute_standard_cases(cases, p, averages)
        assert scenario_sc(cases, centre, params, np.array([wf, wt, wj])) == pytest.approx(
            full["sc"].to_numpy(), nan_ok=True
        )
        credit = credit_by_judge(cases, full, p).set_index("judge").reindex(people["judge"]).fillna(0.0)
        sc = np.where(people["track"] == "enforcement", credit["sc_enforcement"], credit["sc_trial"])
        completion = pd.Series(sc / people["target_to_date"].to_numpy())
        groups = people["track"] + people["post"]
        ranks.append(completion.groupby(groups.to_numpy()).rank(method="min", ascending=False).to_numpy())
    ranks = np.array(ranks)
    j = out.judges
    assert j["rank"].tolist() == ranks[0].astype(int).tolist()
    assert j["best"].tolist() == ranks.min(axis=0).astype(int).tolist()
    assert j["worst"].tolist() == ranks.max(axis=0).astype(int).tolist()
    assert j["unchanged"].to_numpy() == pytest.approx((ranks == ranks[0]).mean(axis=0))
    assert out.scenarios["moved"].tolist() == (ranks != ranks[0]).sum(axis=1).tolist()
