"""The assessment is computed once per request, and the typed figures agree with the tables."""

from __future__ import annotations

import math

import numpy as np
import pytest

from workload_app.core import assessment as A
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.services.sheets import build_context, court_figures, division_figures


@pytest.fixture
def counted(monkeypatch):
    calls = []
    real = A.assess

    def assess(*args, **kwargs):
        calls.append(args[3])
        return real(*args, **kwargs)

    monkeypatch.setattr(A, "assess", assess)
    return calls


def test_sheet_context_assesses_the_court_once(demo_db, counted):
    """build_context used to run court_assessment three times (judges, divisions, transfers)."""
    ctx = build_context(demo_db, 2025, 6)
    court_figures(ctx)
    division_figures(ctx, ctx.figures.divisions[0].division)
    assert counted == [6]
    assert ctx.transfers == list(ctx.figures.transfers)


def test_overview_figures_assess_the_court_once(demo_db, counted):
    f = Q.figures(demo_db, 2025, 6)
    assert counted == [6]
    assert f.balance and f.progress


def test_typed_figures_match_the_tables(demo_db):
    f = Q.court_figures(demo_db, 2025, 6, with_transfers=True)
    table = f.judge_table.set_index("judge")
    for j in f.judges:
        row = table.loc[j.judge]
        assert j.sc == pytest.approx(row["sc"]) and (j.quota == row["quota"] or math.isnan(j.quota))
        same_group = table[(table["division"] == j.division) & (table["post_group"] == j.post_group)]
        assert j.n_division == int(same_group["completion"].notna().sum())
    assert [d.division for d in f.divisions] == list(f.division_table["division"])
    assert f.transfers == tuple(Q.court_transfers(demo_db, 2025, 6))


def test_court_progress_is_the_monthly_credit_and_the_plan_months(demo_db):
    """Independent path: the cumulative SC of the trial unit from the monthly credit table, and the
    cumulative target from the plan's months of the trial judges."""
    f = Q.court_figures(demo_db, 2025, 6)
    monthly = S.court_monthly_credit(demo_db, 2025)
    expected = np.cumsum([monthly.loc[monthly["month"] == m, "sc_trial"].sum() for m in range(1, 7)])
    assert f.progress["trial"].actual == pytest.approx(list(expected))
    plan = Q.court_plan(demo_db, 2025)
    trial = {j["judge"] for j in plan["judges"] if j["track"] == "trial"}
    target = np.cumsum([sum(m[f"m{k}"] for m in plan["months"] if m["judge"] in trial) for k in range(1, 13)])
    assert f.progress["trial"].target == pytest.approx(list(target))
