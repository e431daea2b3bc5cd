"""Re-plans as DOMAIN now says (issue 26), on the demo court: the seasonal run-rate of filings,
every input recomputed from today's data and roster (judges who joined since count in the judge
equivalents), and a full-year judge ending the year with the new quota the new notice prints.

On main: the July re-plan printed 基本任务 351 while a full-year 审判员's year added up to 355.97;
the forecast was a straight × 12 / 6; judges who joined kept the old equivalents out (the quotas
exceeded the target by about 2.4 %)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from workload_app.core import quotas as q
from workload_app.services import quotas as Q
from workload_app.services.parameters import current_params
from workload_app.services.sheets import export_sheets
from workload_app.storage import repository as repo

YEAR = 2025
COLS = [f"m{m}" for m in range(1, 13)]


def _filed(db, year) -> dict[str, np.ndarray]:
    """Filings per track and month, counted here from the cases themselves."""
    cases = repo.load_cases(db)
    filed = cases[cases["filed_on"].fillna("").str.startswith(str(year))]
    out = {"trial": np.zeros(12), "enforcement": np.zeros(12)}
    for cat, day in zip(filed["category"], filed["filed_on"], strict=True):
        out["enforcement" if cat == "enforcement" else "trial"][int(day[5:7]) - 1] += 1
    return out


@pytest.fixture
def replanned(demo_db):
    """Two ordinary trial judges join on 1 August; then the July re-plan (no forecast given)."""
    first = Q.court_plan(demo_db, YEAR)
    division = repo.judges_frame(demo_db).query("track == 'trial'")["division"].iloc[0]
    for name in ("新甲", "新乙"):
        repo.upsert_judge(
            demo_db,
            {
                "name": name,
                "division": division,
                "post": "审判员",
                "track": "trial",
                "in_post_from": "2025-08-01",
            },
        )
    Q.replan(demo_db, YEAR, 7, reason="调整")
    return demo_db, first, Q.court_plan(demo_db, YEAR)


def test_forecast_is_the_seasonal_run_rate(replanned):
    db, first, plan = replanned
    this, last = _filed(db, YEAR), _filed(db, YEAR - 1)
    for track in ("trial", "enforcement"):
        assert last[track].sum() > 0
        want = this[track][:6].sum() / (last[track][:6].sum() / last[track].sum())
        assert plan["inputs"][track]["expected_filings"] == pytest.approx(want, rel=1e-12)
        straight = this[track][:6].sum() * 2
        assert want != pytest.approx(straight, rel=1e-3)  # the demo's filings are seasonal


def test_judges_who_joined_count_in_the_equivalents_and_the_quotas_close_the_target(replanned):
    db, first, plan = replanned
    params, _ = current_params(db, YEAR)
    w = np.asarray(plan["weights"]["trial"], dtype=float)
    w = w / w.sum()
    # each newcomer's share: August–December of the pattern, in post every day of them
    newcomer = float(w[7:].sum())
    roster = repo.judges_frame(db)
    trial = roster[roster["track"] == "trial"]
    want = sum(
        params.quota.fraction_of(p) * q.weighted_share(YEAR, a, b, w)
        for p, a, b in zip(trial["post"], trial["in_post_from"], trial["in_post_to"], strict=True)
    )
    got = plan["inputs"]["trial"]["judge_equivalents"]
    assert got == pytest.approx(want, rel=1e-12)
    old_roster_equivalents = want - 2 * newcomer
    assert first["inputs"]["trial"]["judge_equivalents"] == pytest.approx(old_roster_equivalents, rel=1e-9)
    # the target-based quota × the equivalents is the target: common × fraction × share of every judge
    # in post adds up to closing rate × (carry-over + forecast) × SC per case
    i = plan["inputs"]["trial"]
    target = i["closing_rate"] * (i["carry_over"] + i["expected_filings"]) * i["sc_per_case"]
    assert i["target_based"] * got == pytest.approx(target, rel=1e-12)
    # the newcomers: the post's months of August–December, nothing before
    judges = pd.DataFrame(plan["judges"]).set_index("judge")
    months = pd.DataFrame(plan["months"]).set_index("judge")
    post = plan["post_months"]["trial"]["审判员"]
    assert months.loc["新甲", COLS].tolist() == [0.0] * 7 + post[7:]
    assert judges.at["新甲", "quota"] == pytest.approx(sum(post[7:]), abs=1e-9)


def test_a_full_year_judge_after_a_july_replan_ends_the_year_with_the_new_quota(replanned, tmp_path):
    db, first, plan = replanned
    params, _ = current_params(db, YEAR)
    judges = pd.DataFrame(plan["judges"])
    months = pd.DataFrame(plan["months"]).set_index("judge")
    old_months = pd.DataFrame(first["months"]).set_index("judge")
    full_year = [
        r
        for r in judges.to_dict("records")
        if (q.month_shares_in_post(YEAR, r["in_post_from"], r["in_post_to"]) == 1).all()
        and not r["override_reason"]
    ]
    assert len(full_year) > 20
    for r in full_year:
        annual = q.round_half_up(
            plan["inputs"][r["track"]]["common_quota"] * params.quota.fraction_of(r["post"]), 2
        )
        assert r["quota"] == pytest.approx(annual, abs=1e-9), r["judge"]
        assert sum(months.loc[r["judge"], COLS]) == pytest.approx(annual, abs=1e-9)
        assert months.loc[r["judge"], COLS[:6]].tolist() == old_months.loc[r["judge"], COLS[:6]].tolist()
    # the new notice of an ordinary full-year judge prints that common quota and that year
    ordinary = next(r for r in full_year if r["post"] == "审判员" and r["track"] == "trial")
    [path] = export_sheets(db, YEAR, 12, "notice", tmp_path, judge=ordinary["judge"], workers=1)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))
    common = plan["inputs"]["trial"]["common_quota"]
    assert f"基本任务{common:,.0f}×职务系数1={common:,.2f}" in text
    assert f"年度任务{common:,.2f}" in text
    months_text = sum(float(x) for x in months.loc[ordinary["judge"], COLS])
    assert months_text == pytest.approx(common, abs=1e-9)
