"""Figures a court would dispute (issue 15), on the demo court: judges not in post, a leaver
re-planned in July, per-track month patterns, staffing need, base and saturation numbers to date,
role groups and rank publication. Expected values come from the stored plan, the raw cases and
pandas, never from the function under test."""

from __future__ import annotations

import io
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from workload_app.reports.sheets import RENDERERS
from workload_app.services import access, accounts, demo, my_workload
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.services.parameters import current_params, save_params
from workload_app.services.sheets import build_context, division_figures, judge_figures
from workload_app.storage import repository as repo

YEAR = 2025
COLS = [f"m{m}" for m in range(1, 13)]


def _ordinary(db, track="trial") -> pd.Series:
    j = repo.judges_frame(db)
    j = j[(j["post"] == "审判员") & (j["track"] == track) & j["in_post_to"].isna()]
    return j.iloc[0]


def _set_post(db, judge: pd.Series, in_post_to: str) -> None:
    repo.upsert_judge(db, {**judge.drop("id").to_dict(), "in_post_to": in_post_to})


def _trial_closures(db, year: int) -> dict[str, np.ndarray]:
    cases = repo.load_cases(db, closed_year=year)
    out = {}
    for track, part in cases.groupby(np.where(cases["category"] == "enforcement", "enforcement", "trial")):
        out[track] = np.bincount(part["closed_month"].astype(int), minlength=13)[1:].astype(float)
    return out


def test_judge_who_left_last_year_is_not_in_this_years_tally_head_count_or_ranks(demo_db):
    judge = _ordinary(demo_db)
    before = Q.court_division_assessment(demo_db, YEAR, 6).set_index("division")
    heads = int(before.loc[judge["division"], "judges"])
    _set_post(demo_db, judge, "2024-12-31")  # left before 2025
    assert judge["name"] not in set(S.court_tally(demo_db, YEAR)["judge"])
    assert judge["name"] not in set(S.court_monthly_credit(demo_db, YEAR)["judge"])
    a = Q.court_assessment(demo_db, YEAR, 6)
    assert judge["name"] not in set(a["judge"])
    after = Q.court_division_assessment(demo_db, YEAR, 6).set_index("division")
    assert int(after.loc[judge["division"], "judges"]) == heads - 1  # 法官人数 one fewer
    ranked = a[(a["track"] == "trial") & (a["post_group"] == "审判员") & a["completion"].notna()]
    assert ranked["rank_court"].max() <= len(ranked)
    ctx = build_context(demo_db, YEAR, 6)
    sheet = division_figures(ctx, judge["division"])
    assert judge["name"] not in {r["judge"] for r in sheet["judges"]}
    assert sheet["division"]["judges"] == heads - 1


def test_leaver_replanned_in_july_has_quota_equal_to_his_months(demo_db):
    judge = _ordinary(demo_db)
    first = Q.court_plan(demo_db, YEAR)
    kept = pd.DataFrame(first["months"]).set_index("judge").loc[judge["name"], COLS[:6]]
    _set_post(demo_db, judge, "2025-06-30")  # recorded after the plan: leaves on 30 June
    Q.replan(demo_db, YEAR, 7, reason="调整")
    plan = Q.court_plan(demo_db, YEAR)
    judges, months = Q.plan_tables(plan)
    mine = months.set_index("judge").loc[judge["name"]]
    quota = judges.set_index("judge").loc[judge["name"], "quota"]
    assert mine[COLS[:6]].tolist() == kept.tolist()  # January–June as planned
    assert mine[COLS[6:]].tolist() == [0.0] * 6  # nothing after he left
    assert quota == pytest.approx(round(kept.sum(), 2), abs=1e-9)  # quota = Σ months
    target = Q.division_targets(plan).set_index("division").loc[judge["division"], "target"]
    members = judges[judges["division"] == judge["division"]]
    assert target == pytest.approx(round(members["quota"].sum(), 2), abs=1e-9)
    for version in Q.court_plans(demo_db, YEAR):  # every version: quota = Σ months
        j, m = Q.plan_tables(version)
        both = j.merge(m, on="judge")
        assert (both[COLS].sum(axis=1) - both["quota"]).abs().max() < 1e-6


def test_month_pattern_is_per_track(demo_db):
    plan = Q.court_plan(demo_db, YEAR)
    closures = _trial_closures(demo_db, YEAR - 1)
    for track in ("trial", "enforcement"):
        expected = closures[track] / closures[track].sum()
        assert np.allclose(plan["weights"][track], expected)
    assert not np.allclose(plan["weights"]["trial"], plan["weights"]["enforcement"])
    # a full-year ordinary judge's January target is the track's January share of the quota
    for track in ("trial", "enforcement"):
        judge = _ordinary(demo_db, track)
        j, m = Q.plan_tables(plan)
        quota = j.set_index("judge").loc[judge["name"], "quota"]
        jan = m.set_index("judge").loc[judge["name"], "m1"]
        assert jan == pytest.approx(quota * closures[track][0] / closures[track].sum(), abs=0.006)


def test_staffing_need_follows_the_month_pattern_and_says_so(demo_db):
    plan = Q.court_plan(demo_db, YEAR)
    closures = _trial_closures(demo_db, YEAR - 1)
    d = Q.court_division_assessment(demo_db, YEAR, 6)
    for r in d.itertuples():
        share = closures[r.track][:6].sum() / closures[r.track].sum()  # Jan–Jun share of last year
        assert r.expected_workload == pytest.approx(r.sc / share)
        assert r.judges_needed == pytest.approx(r.sc / share / plan["inputs"][r.track]["common_quota"])
        assert f"{share:.1%}" in r.assumption
    moves = Q.court_transfers(demo_db, YEAR, 6)
    share = closures["trial"][:6].sum() / closures["trial"].sum()
    assert all(f"{share:.1%}" in t.assumption for t in moves)


def test_mid_year_sheet_shows_base_and_saturation_to_date(demo_db):
    ctx = build_context(demo_db, YEAR, 6)
    judge = _ordinary(demo_db)["name"]
    a = judge_figures(ctx, judge)["assessment"]
    to_date = pd.DataFrame(ctx.plan["months"]).set_index("judge").loc[judge, COLS[:6]].sum()
    # default breakpoints (0, 0), (1.0, 60), (1.5, 100): base = 1.0 ×, saturation = 1.5 × target to date
    assert a["base_to_date"] == pytest.approx(to_date)
    assert a["saturation_to_date"] == pytest.approx(1.5 * to_date)
    text = _pdf_text(RENDERERS["judge"](judge_figures(ctx, judge), invariant=True))
    assert f"本期基础数\n{a['base_to_date']:.2f}" in text
    assert f"本期饱和数\n{a['saturation_to_date']:.2f}" in text


def _pdf_text(data: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).replace(" ", "")


def _publish(db, on: bool) -> None:
    params, _ = current_params(db, YEAR)
    save_params(
        db,
        replace(params, assessment=replace(params.assessment, publish_ranks=on)),
        "排名公布设置",
        publish=True,
    )


@pytest.mark.sqlite_only  # logs in as the demo's accounts on one handle; server logins: tests/server
def test_ranks_are_printed_and_shown_to_judges_only_when_published(demo_db):
    judge = _ordinary(demo_db)
    ctx = build_context(demo_db, YEAR, 6)
    assert "部门内排名" not in _pdf_text(
        RENDERERS["judge"](judge_figures(ctx, judge["name"]), invariant=True)
    )
    division = division_figures(ctx, judge["division"])
    assert "部门内排名" not in _pdf_text(RENDERERS["division"](division, invariant=True))
    # 人事 (the local operator here) always sees ranks on screen
    assert (
        my_workload.my_workload(demo_db, YEAR, 6, judge["name"])["figures"]["assessment"]["rank_court"]
        is not None
    )
    user, _ = accounts.login(demo_db, "faguan", demo.DEMO_PASSWORD)
    own = my_workload.my_workload(demo_db, YEAR, 6)["figures"]
    assert own["assessment"]["rank_court"] is None and own["ranks_shown"] is False
    assert Q.assessment(demo_db, YEAR, 6)["rank_court"].isna().all()
    access.bind_local_operator(demo_db)
    _publish(demo_db, True)
    ctx = build_context(demo_db, YEAR, 6)
    assert "部门内排名" in _pdf_text(RENDERERS["judge"](judge_figures(ctx, judge["name"]), invariant=True))
    court_rank = Q.court_assessment(demo_db, YEAR, 6).set_index("judge").loc[user.judge, "rank_court"]
    access.bind(demo_db, user)
    assert my_workload.my_workload(demo_db, YEAR, 6)["figures"]["assessment"]["rank_court"] == court_rank


def test_vice_presidents_and_full_time_member_are_ranked_together(demo_db):
    a = Q.court_assessment(demo_db, YEAR, 6)
    leaders = a[a["post"].isin(["院长", "副院长", "审判委员会专职委员"]) & a["completion"].notna()]
    assert {"副院长", "审判委员会专职委员"} <= set(leaders["post"])
    assert set(leaders["post_group"]) == {"院领导"}
    # by hand: order the court leaders by completion, best first; ties share the best rank
    order = sorted(leaders["completion"], reverse=True)
    expected = [order.index(c) + 1 for c in leaders["completion"]]
    assert leaders["rank_court"].tolist() == expected
    heads = a[a["post"].isin(["庭长", "副庭长"]) & a["completion"].notna()]
    assert set(heads["post_group"]) == {"庭领导"} and heads["rank_court"].max() <= len(heads)
