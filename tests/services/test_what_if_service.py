"""Trying parameters before saving them: the preview and the rank what-if agree with what saving gives."""

from __future__ import annotations

import pytest

from workload_app.core.standard import HELD
from workload_app.services import access, accounts, what_if
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.services.demo import DEMO_PASSWORD
from workload_app.services.parameters import current_params, publish, save_params


def test_centre_ranks_are_the_assessments_court_ranks(demo_db):
    params, _ = current_params(demo_db, 2025)
    out = what_if.rank_stability(demo_db, params, through_month=9, spread=0.2, steps=3)
    assert out.by_completion  # the demo has a plan: ranks by completion, as the assessment does
    a = Q.court_assessment(demo_db, 2025, 9).set_index("judge")
    j = out.judges.set_index("judge")
    assert j["rank"].astype("Float64").tolist() == a.loc[j.index, "rank_court"].astype("Float64").tolist()
    assert j["sc"].to_numpy() == pytest.approx(a.loc[j.index, "sc"].to_numpy())


def test_a_scenario_is_what_saving_those_weights_gives(demo_db):
    params, _ = current_params(demo_db, 2025)
    out = what_if.rank_stability(demo_db, params, through_month=12, spread=0.2, steps=3)
    moved = out.scenarios.sort_values("moved", ascending=False).iloc[0]
    save_params(demo_db, params.with_weights(moved["file"], moved["transcript"], moved["judgment"]), "测试")
    publish(demo_db, 2025, "测试")
    a = Q.court_assessment(demo_db, 2025, 12).set_index("judge")
    j = out.judges.set_index("judge")
    # The ranks after saving lie within each judge's best…worst, and the SC within min…max.
    ranked = a["rank_court"].notna()
    assert (a.loc[ranked, "rank_court"] >= j.loc[a.index[ranked], "best"]).all()
    assert (a.loc[ranked, "rank_court"] <= j.loc[a.index[ranked], "worst"]).all()
    assert (a["sc"] >= j.loc[a.index, "sc_min"] - 1e-9).all()
    assert (a["sc"] <= j.loc[a.index, "sc_max"] + 1e-9).all()
    moved_judges = (a["rank_court"].astype("Float64") != j.loc[a.index, "rank"].astype("Float64")).fillna(
        False
    )
    assert int(moved_judges.sum()) == moved["moved"]


def test_preview_promises_what_saving_gives(demo_db):
    params, _ = current_params(demo_db, 2025)
    new = params.with_weights(0.25, 0.25, 0.50)
    p = what_if.preview_change(demo_db, new, through_month=12)
    # held cases (待复核) stay out of the mean SC per case (issue 26: out of every average)
    before = S.court_results(demo_db, 2025)[0]
    before_mean = before[(before["unit"] == "trial") & ((before["flags"] & HELD) == 0)]["sc"].mean()
    assert p.average_before == pytest.approx(before_mean)
    assert before_mean != pytest.approx(before.query("unit == 'trial'")["sc"].mean())  # the demo holds some
    save_params(demo_db, new, "测试")
    publish(demo_db, 2025, "测试")
    merged, _, _ = S.court_results(demo_db, 2025)
    after = merged[(merged["unit"] == "trial") & ((merged["flags"] & HELD) == 0)]
    assert p.average_after == pytest.approx(after["sc"].mean())
    a = Q.court_assessment(demo_db, 2025, 12).set_index("judge")
    got = p.judges.set_index("judge")
    assert got["after"].to_numpy() == pytest.approx(a.loc[got.index, "sc"].to_numpy())
    assert (
        got["rank_after"].astype("Float64").tolist()
        == a.loc[got.index, "rank_court"].astype("Float64").tolist()
    )
    changes = got["change"].abs().to_numpy()
    assert (changes[:-1] >= changes[1:]).all()  # largest change first


@pytest.mark.sqlite_only  # logs in as the demo's accounts on one handle; server logins: tests/server
def test_a_judge_may_not_run_the_what_if(demo_db):
    accounts.login(demo_db, "faguan", DEMO_PASSWORD)
    params, _ = current_params(demo_db, 2025)
    with pytest.raises(access.AccessDenied):
        what_if.rank_stability(demo_db, params)
    with pytest.raises(access.AccessDenied):
        what_if.preview_change(demo_db, params)
