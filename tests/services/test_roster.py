"""名册: moves between divisions from a date, split by value into division targets and head counts;
accounts for the whole roster with passwords printed once."""

from __future__ import annotations

import calendar
import datetime as dt

import numpy as np
import pytest
from pypdf import PdfReader

from workload_app.core.problems import WorkloadError
from workload_app.services import accounts, audit, roster
from workload_app.services import quotas as Q

CRIMINAL, CIVIL = "刑事审判庭", "民事审判第一庭"


def _targets(db, plan) -> dict[str, dict]:
    t = Q.division_targets(plan, db)
    return {r["division"]: r for r in t.to_dict("records") if r["track"] == "trial"}


def _wang_months(plan) -> np.ndarray:
    row = next(m for m in plan["months"] if m["judge"] == "王强")
    return np.array([row[f"m{m}"] for m in range(1, 13)], dtype=float)


def test_move_from_first_of_july_moves_the_second_half_of_the_targets(demo_db):
    plan = Q.court_plan(demo_db, 2025)
    before = _targets(demo_db, plan)
    months = _wang_months(plan)
    roster.transfer(demo_db, "王强", CIVIL, "2025-07-01")
    after = _targets(demo_db, plan)
    second_half = round(float(months[6:].sum()), 2)
    assert after[CRIMINAL]["target"] == pytest.approx(before[CRIMINAL]["target"] - second_half, abs=0.011)
    assert after[CIVIL]["target"] == pytest.approx(before[CIVIL]["target"] + second_half, abs=0.011)
    assert after[CRIMINAL]["m7"] == pytest.approx(before[CRIMINAL]["m7"] - months[6], abs=0.001)
    assert after[CRIMINAL]["m6"] == pytest.approx(before[CRIMINAL]["m6"], abs=0.001)
    # the roster shows the new division and the move; the audit trail has it
    r = roster.roster(demo_db).set_index("name").loc["王强"]
    assert r["division"] == CIVIL and [m["from_date"] for m in r["moves"]] == ["2025-07-01"]
    log = audit.log(demo_db, action="roster.transfer")
    assert len(log) == 1 and "2025-07-01" in log.iloc[0]["after"] and CRIMINAL in log.iloc[0]["before"]


def test_move_mid_month_splits_that_month_by_days(demo_db):
    plan = Q.court_plan(demo_db, 2025)
    before = _targets(demo_db, plan)
    months = _wang_months(plan)
    roster.transfer(demo_db, "王强", CIVIL, "2025-07-16")  # 15 days of July in 刑事, 16 in 民一
    after = _targets(demo_db, plan)
    july_criminal = round(months[6] * 15 / 31, 2)
    assert after[CRIMINAL]["m7"] == pytest.approx(
        before[CRIMINAL]["m7"] - months[6] + july_criminal, abs=0.001
    )
    assert after[CIVIL]["m7"] == pytest.approx(before[CIVIL]["m7"] + round(months[6] * 16 / 31, 2), abs=0.001)


def test_head_count_follows_the_months_in_each_division(demo_db):
    params, _ = Q.current_params(demo_db, 2025)
    plan = Q.court_plan(demo_db, 2025)
    weights = Q._plan_weights(demo_db, 2025, params, plan)["trial"]
    w = np.asarray(weights, dtype=float) / float(np.sum(weights))
    first_half = float(w[:6].sum())

    def heads():
        d = Q.court_division_assessment(demo_db, 2025, 12)
        return d[d["track"] == "trial"].set_index("division")["equivalents"]

    before = heads()
    roster.transfer(demo_db, "王强", CIVIL, "2025-07-01")
    after = heads()
    fraction = params.quota.fraction_of("审判员")
    assert after[CRIMINAL] == pytest.approx(before[CRIMINAL] - fraction * (1 - first_half), abs=1e-9)
    assert after[CIVIL] == pytest.approx(before[CIVIL] + fraction * (1 - first_half), abs=1e-9)
    assert after.sum() == pytest.approx(before.sum(), abs=1e-9)


def test_move_refusals_leave_the_roster_as_it_was(demo_db):
    before = roster.roster(demo_db).drop(columns="moves").to_dict("records")
    for args, words in (
        (("王强", CIVIL, "2017-05-01"), "入额日期"),
        (("王强", CRIMINAL, "2025-07-01"), "已在"),
        (("王强", "没有这个庭", "2025-07-01"), "没有部门"),
        (("王强", CIVIL, "2025/07/01"), "日期"),
    ):
        with pytest.raises(WorkloadError, match=words):
            roster.transfer(demo_db, *args)
    roster.transfer(demo_db, "王强", CIVIL, "2025-07-01")
    with pytest.raises(WorkloadError, match="其后"):
        roster.transfer(demo_db, "王强", CRIMINAL, "2025-03-01")
    after = roster.roster(demo_db).drop(columns="moves").to_dict("records")
    assert [r for r in after if r["name"] != "王强"] == [r for r in before if r["name"] != "王强"]


def test_edit_post_and_dates_is_audited_and_checked(demo_db):
    roster.edit_judge(demo_db, "王强", post="副庭长", in_post_to="2025-09-30")
    r = roster.roster(demo_db).set_index("name").loc["王强"]
    assert (r["post"], r["in_post_to"]) == ("副庭长", "2025-09-30")
    row = audit.log(demo_db, action="roster.edit").iloc[0]
    assert "审判员" in row["before"] and "副庭长" in row["after"]
    with pytest.raises(WorkloadError, match="早于"):
        roster.edit_judge(demo_db, "王强", in_post_to="2010-01-01")
    with pytest.raises(WorkloadError, match="职务"):
        roster.edit_judge(demo_db, "王强", post="书记员")


def test_month_shares_of_a_judge_who_left_mid_month():
    judge = {"division": CIVIL, "in_post_from": "2018-01-01", "in_post_to": "2025-08-10"}
    moves = [{"from_division": CRIMINAL, "division": CIVIL, "from_date": "2025-08-05"}]
    shares = roster.month_division_shares(2025, judge, moves)
    assert shares[CRIMINAL][7] == pytest.approx(4 / 10) and shares[CIVIL][7] == pytest.approx(6 / 10)
    assert shares[CRIMINAL][:7].tolist() == [1.0] * 7 and shares[CIVIL][8:].sum() == 0
    assert calendar.monthrange(2025, 8)[1] == 31


@pytest.mark.sqlite_only  # reads the file's bytes (no password in it); server accounts: login roles
def test_accounts_for_the_roster_print_passwords_once(demo_db, tmp_path):
    have = {u["judge"] for u in accounts.list_users(demo_db) if u["judge"]}
    pdf = tmp_path / "账户.pdf"
    changes = roster.create_roster_accounts(demo_db, pdf)
    created = changes.summary.created
    r = roster.roster(demo_db)
    today = dt.date.today().isoformat()
    left = set(r.loc[r["in_post_to"].fillna("9999") < today, "name"])
    assert left  # the demo court has judges who left: they get no account
    assert {j for j, _, _ in created} == set(r["name"]) - have - left
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    raw = (tmp_path / "demo.sqlite").read_bytes()
    users = {u["login"]: u for u in accounts.list_users(demo_db)}
    for judge, login, role in created:
        assert users[login]["judge"] == judge and users[login]["must_change"] == 1
        assert role == (
            "division_head"
            if roster.roster(demo_db).set_index("name").loc[judge, "post"] == "庭长"
            else "judge"
        )
    # each printed password opens its account, and is stored nowhere in the database file
    import re

    printed = re.findall(r"初始密码\s*([A-Za-z0-9]{10})", text)
    assert len(printed) == len(created)
    first_login = created[0][1]
    assert accounts.check_password(
        printed[0],
        demo_db.conn.execute("SELECT password_hash FROM users WHERE login = ?", (first_login,)).fetchone()[0],
    )
    assert all(p.encode() not in raw for p in printed)
    assert len(audit.log(demo_db, action="user.create_roster")) == 1
    with pytest.raises(WorkloadError, match="都已有账户"):
        roster.create_roster_accounts(demo_db, tmp_path / "again.pdf")
    assert not (tmp_path / "again.pdf").exists()
