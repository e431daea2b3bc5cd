"""The independent oracle of tests/core/test_quota_oracle.py against the application on the demo
court: stored plan, July re-plan, tally export (completion, score, ranks by role group), with
joiners and leavers on awkward dates recorded in the roster."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd

from tests.core.test_quota_oracle import (
    GROUPS,
    days_in_post,
    oracle_plan,
    oracle_ranks,
    oracle_score,
)
from workload_app.services import quotas as Q
from workload_app.services.exports import tally_table
from workload_app.services.parameters import current_params
from workload_app.storage import repository as repo

YEAR = 2025
COLS = [f"m{m}" for m in range(1, 13)]


def _closures(db, year) -> dict[str, list[Fraction]]:
    cases = repo.load_cases(db, closed_year=year)
    out = {}
    for track, part in cases.groupby(np.where(cases["category"] == "enforcement", "enforcement", "trial")):
        counts = np.bincount(part["closed_month"].astype(int), minlength=13)[1:]
        out[track] = [Fraction(int(c)) for c in counts]
    return out


def _roster(db) -> list[dict]:
    j = repo.judges_frame(db)
    return [
        {
            "name": r.name,
            "post": r.post,
            "track": r.track,
            "in_post_from": r.in_post_from if isinstance(r.in_post_from, str) and r.in_post_from else None,
            "in_post_to": r.in_post_to if isinstance(r.in_post_to, str) and r.in_post_to else None,
        }
        for r in j.itertuples()
    ]


def _cents(plan) -> dict[str, list[int]]:
    m = pd.DataFrame(plan["months"])
    return {r[0]: [int(round(x * 100)) for x in r[1:]] for r in m[["judge", *COLS]].itertuples(index=False)}


def _set(db, name, **changes):
    j = repo.judges_frame(db).set_index("name").loc[name]
    repo.upsert_judge(
        db,
        {
            "name": name,
            "division": j["division"],
            "post": j["post"],
            "track": j["track"],
            "in_post_from": j["in_post_from"],
            "in_post_to": j["in_post_to"],
            **changes,
        },
    )


def _awkward(db) -> None:
    ordinary = repo.judges_frame(db)
    ordinary = ordinary[(ordinary["post"] == "审判员") & ordinary["in_post_to"].isna()]["name"].tolist()
    _set(db, ordinary[0], in_post_to="2025-02-28")
    _set(db, ordinary[1], in_post_from="2025-12-31")
    _set(db, ordinary[2], in_post_from="2025-01-01", in_post_to="2025-01-01")
    _set(db, ordinary[3], in_post_from="2025-07-15", in_post_to="2025-07-15")
    _set(db, ordinary[4], in_post_to="2025-06-30")
    _set(db, ordinary[5], in_post_from="2025-03-31")
    _set(db, ordinary[-1], in_post_to="2025-12-31")


def _common(plan):
    return {t: plan["inputs"][t]["common_quota"] for t in ("trial", "enforcement")}


def _compare(db, plan, previous=None, from_month=1, previous_common=None):
    closures = _closures(db, YEAR - 1)
    want = oracle_plan(YEAR, _roster(db), _common(plan), closures, previous, from_month, previous_common)
    got = _cents(plan)
    assert set(got) == set(want)
    diff = {k: (got[k], want[k]) for k in want if got[k] != want[k]}
    assert not diff
    judges = pd.DataFrame(plan["judges"]).set_index("judge")
    for name, cents in want.items():
        assert int(round(judges.at[name, "quota"] * 100)) == sum(cents), name
    targets = Q.division_targets(plan).set_index("division")["target"]
    for division, part in judges.groupby("division"):
        assert int(round(targets[division] * 100)) == sum(sum(want[n]) for n in part.index)
    return want


def test_demo_plan_replan_and_tally_agree_with_the_oracle(demo_db):
    _awkward(demo_db)
    Q.plan_year(demo_db, YEAR, reason="重新下达")
    first_plan = Q.court_plan(demo_db, YEAR)
    first = _compare(demo_db, first_plan)
    Q.replan(demo_db, YEAR, 7, expected_filings={"trial": 1.3 * 3000, "enforcement": 800.0}, reason="调整")
    second = _compare(demo_db, Q.court_plan(demo_db, YEAR), first, 7, _common(first_plan))

    params, _ = current_params(demo_db, YEAR)
    through = 9
    t = tally_table(demo_db, YEAR, through).set_index("judge")
    assert set(t.index) == set(second)  # judges in post in 2025, nobody else
    completion = {}
    for name, cents in second.items():
        target = Fraction(sum(cents[:through]), 100)
        sc = t.at[name, "sc_enforcement" if t.at[name, "track"] == "enforcement" else "sc_trial"]
        assert int(round(t.at[name, "target_to_date"] * 100)) == sum(cents[:through]), name
        if target == 0:
            assert pd.isna(t.at[name, "completion"]) and pd.isna(t.at[name, "rank_court"])
            continue
        c = Fraction(sc) / target
        # issue 26: in post fewer than three months of the period, shown but not ranked, no place
        row = next(r for r in _roster(demo_db) if r["name"] == name)
        months = sum(
            Fraction(d, n) for d, n in days_in_post(YEAR, row["in_post_from"], row["in_post_to"])[:through]
        )
        if months < 3:
            assert pd.isna(t.at[name, "rank_court"]) and t.at[name, "unranked_reason"], name
            continue
        completion[name] = c
        assert abs(t.at[name, "completion"] - float(c)) < 1e-9
        assert abs(t.at[name, "score"] - float(oracle_score(c, params.score.breakpoints))) < 1e-9
    for track in ("trial", "enforcement"):
        for group in ("heads", "leaders", "ordinary"):
            names = [
                n
                for n in completion
                if t.at[n, "track"] == track and GROUPS.get(t.at[n, "post"], "ordinary") == group
            ]
            for n, r in oracle_ranks({n: completion[n] for n in names}).items():
                assert t.at[n, "rank_court"] == r, n


def test_replan_gives_a_judge_entered_after_the_plan_targets_for_the_months_before_it(demo_db):
    """A joiner of 1 March entered in the roster in August: the July re-plan must give him March–June
    targets (the plan's full-year months of his role × share in post), not 0 (main gave 0, so his
    completion to June had no target and his year's completion was SC of ten months ÷ six months)."""
    first = Q.court_plan(demo_db, YEAR)
    division = repo.judges_frame(demo_db).query("track == 'trial'")["division"].iloc[0]
    repo.upsert_judge(
        demo_db,
        {
            "name": "新入额",
            "division": division,
            "post": "审判员",
            "track": "trial",
            "in_post_from": "2025-03-01",
        },
    )
    Q.replan(demo_db, YEAR, 7, expected_filings={"trial": 4000.0, "enforcement": 800.0}, reason="调整")
    plan = Q.court_plan(demo_db, YEAR)
    closures = _closures(demo_db, YEAR - 1)
    old = first["inputs"]["trial"]["common_quota"]
    new = plan["inputs"]["trial"]["common_quota"]
    row = {
        "name": "新入额",
        "post": "审判员",
        "track": "trial",
        "in_post_from": "2025-03-01",
        "in_post_to": None,
    }
    past = oracle_plan(YEAR, [row], {"trial": old}, closures)["新入额"]
    # issue 26: from July the post's rest of the new annual figure, × share in post
    want = oracle_plan(YEAR, [row], {"trial": new}, closures, {"新入额": past}, 7, {"trial": old})["新入额"]
    assert want[:6] == past[:6]
    assert want[2] > 0
    assert _cents(plan)["新入额"] == want
    judges = pd.DataFrame(plan["judges"]).set_index("judge")
    assert int(round(judges.at["新入额", "quota"] * 100)) == sum(want)
    # everyone already in the first plan keeps January–June as it was planned
    before = _cents(first)
    for name, cents in _cents(plan).items():
        if name in before:
            assert cents[:6] == before[name][:6], name
