"""The rules in services/access.py, checked through the services against an oracle worked out
from the demo court's rows (tests/scoping_oracle.py), for each demo account."""

from __future__ import annotations

import pytest

from tests.scoping_oracle import roster
from workload_app.services import access, accounts, demo, info, quality, quotas
from workload_app.services.sheets import export_sheets


def _as(db, login):
    user, _ = accounts.login(db, login, demo.DEMO_PASSWORD)
    return user


def test_sheet_choices_court_wide_list_the_whole_roster(demo_db):
    people = roster(demo_db)
    divisions = list(dict.fromkeys(d for _, d in people if d is not None))
    expected = [("all", None)] + [("division", d) for d in divisions] + [("judge", j) for j, _ in people]
    for login in ("admin", "renshi"):
        _as(demo_db, login)
        assert info.sheet_scopes(demo_db) == expected


def test_sheet_choices_of_a_division_head_are_the_division_and_its_judges(demo_db):
    head = _as(demo_db, "tingzhang")
    people = roster(demo_db)
    expected = [("division", head.division)] + [("judge", j) for j, d in people if d == head.division]
    assert len(expected) > 3 and len(people) > len(expected)
    assert info.sheet_scopes(demo_db) == expected


def test_sheet_choices_of_a_judge_are_their_own_sheet_only(demo_db):
    me = _as(demo_db, "faguan")
    assert info.sheet_scopes(demo_db) == [("judge", me.judge)]


def test_every_choice_offered_can_be_printed(demo_db, tmp_path):
    """What the 报表 view offers a 庭长 is exactly what the sheet service lets them print."""
    head = _as(demo_db, "tingzhang")
    (kind, division), *judges = info.sheet_scopes(demo_db)
    assert export_sheets(demo_db, 2025, 6, "division", tmp_path / "d", division=division)
    printed = export_sheets(demo_db, 2025, 6, "judge", tmp_path / "j", division=head.division, workers=1)
    assert {p.stem.split("_")[-1] for p in printed} <= {j for _, j in judges}
    others = [d for _, d in roster(demo_db) if d not in (None, head.division)]
    with pytest.raises(access.AccessDenied):
        export_sheets(demo_db, 2025, 6, "division", tmp_path / "x", division=others[0])


def test_a_division_heads_transfers_are_those_touching_the_division(demo_db):
    everyone = quotas.transfers(demo_db, 2025, 6)
    head = _as(demo_db, "tingzhang")
    mine = quotas.transfers(demo_db, 2025, 6)
    assert mine == [t for t in everyone if head.division in (t.from_division, t.to_division)]
    _as(demo_db, "faguan")
    with pytest.raises(access.AccessDenied):
        quotas.transfers(demo_db, 2025, 6)


def test_a_plan_shows_a_division_head_the_division_and_a_judge_their_row(demo_db):
    people = dict(roster(demo_db))
    head = _as(demo_db, "tingzhang")
    plan = quotas.current_plan(demo_db, 2025)
    assert {j["judge"] for j in plan["judges"]} <= {j for j, d in people.items() if d == head.division}
    assert {m["judge"] for m in plan["months"]} == {j["judge"] for j in plan["judges"]}
    me = _as(demo_db, "faguan")
    assert {j["judge"] for j in quotas.current_plan(demo_db, 2025)["judges"]} == {me.judge}


def test_quality_figures_scoped_like_the_roster(demo_db):
    people = dict(roster(demo_db))
    court = quality.report(demo_db, 2025, 6)
    head = _as(demo_db, "tingzhang")
    report = quality.report(demo_db, 2025, 6)
    assert report.court is None  # the court's figures are for court-wide roles only
    assert court.court.closed == sum(d.closed for d in court.divisions)
    seen = {j for j, d in people.items() if d == head.division} | {head.judge}
    assert [f.name for f in report.judges] == [f.name for f in court.judges if f.name in seen]
    assert len(report.judges) > 3
    assert [f.name for f in report.divisions] == [head.division]
    me = _as(demo_db, "faguan")
    report = quality.report(demo_db, 2025, 6)
    assert [f.name for f in report.judges] == [me.judge] and report.divisions == ()


def test_only_the_responsible_judge_records_why_a_case_is_pending():
    judge = access.User(login="a", role=access.JUDGE, judge="张三")
    assert access.may_record_pending_reason(judge, "张三")
    assert not access.may_record_pending_reason(judge, "李四")
    assert access.may_record_pending_reason(access.User(login="r", role=access.ADMIN), "李四")
    assert not access.may_record_pending_reason(
        access.User(login="t", role=access.DIVISION_HEAD, division="民一庭"), "李四"
    )
    assert (
        access.default_scope_label(access.User(login="t", role=access.DIVISION_HEAD, division="民一庭"))
        == "民一庭"
    )
    assert access.default_scope_label(access.User(login="r", role=access.PERSONNEL)) == "全院"
    assert access.default_scope_label(judge) == "张三"  # a judge's list is the judge's own
