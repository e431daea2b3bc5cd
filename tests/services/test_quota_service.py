"""Quota planning on the demo court: derivations consistent with the data, re-plans kept as versions."""

from __future__ import annotations

import pandas as pd
import pytest

from workload_app.core.problems import WorkloadError
from workload_app.services import quotas as S
from workload_app.services.exports import tally_table


def test_plan_consistent_with_its_inputs(demo_db):
    plan = S.current_plan(demo_db, 2025)
    judges, months = S.plan_tables(plan)
    for track, inputs in plan["inputs"].items():
        common = inputs["common_quota"]
        assert common == round(inputs["blended"])
        part = judges[judges["track"] == track]
        expected = common * part["post_fraction"] * part["share_in_post"]
        # each of up to 12 month targets is rounded to 0.01 on its own
        plain = part["override_reason"] == ""
        assert (part.loc[plain, "quota"] - expected[plain]).abs().max() <= 12 * 0.005 + 1e-9
    merged = judges.merge(months, on="judge")
    assert (merged[S.MONTH_COLS].sum(axis=1) - merged["quota"]).abs().max() < 1e-9
    targets = S.division_targets(plan).set_index("division")["target"]
    assert (targets - judges.groupby("division")["quota"].sum().round(2)).abs().max() < 1e-9


def test_tally_export_columns_and_completion(demo_db):
    t = tally_table(demo_db, 2025, 6)
    row = t.iloc[0]
    sc = row["sc_trial"] if row["track"] == "trial" else row["sc_enforcement"]
    assert row["completion"] == pytest.approx(sc / row["target_to_date"])
    months = S.plan_tables(S.current_plan(demo_db, 2025))[1].set_index("judge")
    assert row["target_to_date"] == pytest.approx(months.loc[row["judge"], S.MONTH_COLS[:6]].sum())
    assert t["rank_court"].min() == 1


def test_replan_and_override_make_versions(demo_db):
    first = S.current_plan(demo_db, 2025)
    S.replan(demo_db, 2025, 7, reason="收案下降")
    second = S.current_plan(demo_db, 2025)
    assert second["version"] == first["version"] + 1 and second["from_month"] == 7
    a = pd.DataFrame(first["months"]).set_index("judge")[S.MONTH_COLS[:6]]
    b = pd.DataFrame(second["months"]).set_index("judge")[S.MONTH_COLS[:6]]
    assert a.loc[b.index].equals(b)
    judge = second["judges"][0]["judge"]
    with pytest.raises(WorkloadError):
        S.override_quota(demo_db, 2025, judge, 100.0, "  ")
    S.override_quota(demo_db, 2025, judge, 100.0, "借调三个月")
    third = S.current_plan(demo_db, 2025)
    row = pd.DataFrame(third["judges"]).set_index("judge").loc[judge]
    assert (row["quota"], row["override_reason"]) == (100.0, "借调三个月")
    assert [v["version"] for v in S.plan_versions(demo_db, 2025)] == [1, 2, 3]
