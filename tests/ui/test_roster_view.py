"""Issue 19.7: 名册 in the window — edit a post and dates, move a judge from a date (audited, the
division targets follow), accounts for the roster in one step (passwords printed once)."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate

from workload_app.services import accounts, audit
from workload_app.services import quotas as Q

pytestmark = pytest.mark.gui


def _roster(w, qtbot):
    view = w.roster_view
    w.show_view(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=30_000)
    return view


def _row(view, name):
    return next(
        view.model.row_at(r) for r in range(view.model.rowCount()) if view.model.row_at(r)["name"] == name
    )


def test_personnel_edits_a_post_and_a_leaving_date(demo_db, open_window, qtbot):
    w = open_window(demo_db, "renshi")
    view = _roster(w, qtbot)
    assert "accounts" not in view.buttons  # only 管理员 opens accounts
    view.select("王强")
    dialog = view.edit()
    assert not dialog.division.isEnabled()  # another division is a move with a date
    dialog.post.setCurrentIndex(dialog.post.findData("副庭长"))
    dialog.end.set.setChecked(True)
    dialog.end.date.setDate(QDate(2025, 9, 30))
    dialog.save()
    assert dialog.result() == 1
    row = _row(view, "王强")
    assert (row["post_label"], row["in_post_to"]) == ("副庭长", "2025-09-30")
    # a bad date is refused in the dialog, in words, and nothing changes
    view.select("王强")
    dialog = view.edit()
    dialog.start.set.setChecked(True)
    dialog.start.date.setDate(QDate(2026, 1, 1))
    dialog.save()
    assert dialog.result() == 0 and "早于入额日期" in dialog.message.text()
    assert _row(view, "王强")["in_post_from"] == "2018-01-01"
    assert len(audit.log(demo_db, action="roster.edit")) == 1


def test_move_with_a_date_shows_in_the_roster_and_the_division_targets(demo_db, open_window, qtbot):
    w = open_window(demo_db)
    view = _roster(w, qtbot)
    plan = Q.court_plan(demo_db, 2025)
    wang = next(m for m in plan["months"] if m["judge"] == "王强")
    second_half = round(sum(wang[f"m{m}"] for m in range(7, 13)), 2)
    before = Q.division_targets(plan, demo_db).set_index(["division", "track"])["target"]
    view.select("王强")
    dialog = view.transfer()
    dialog.division.setCurrentIndex(dialog.division.findData("民事审判第一庭"))
    dialog.date.setDate(QDate(2025, 7, 1))
    dialog.save()
    assert dialog.result() == 1
    row = _row(view, "王强")
    assert row["division"] == "民事审判第一庭"
    assert row["moves_text"] == "2025-07-01 起 刑事审判庭→民事审判第一庭"
    # 任务 shows the division targets with the second half of the year in the new division
    quotas = w.view_titled("任务")
    qtbot.waitUntil(w.tasks.idle, timeout=30_000)
    shown = quotas.divisions.frame().set_index(["部门", "类别"])["年度目标"]
    assert shown[("刑事审判庭", "审判")] == pytest.approx(
        before[("刑事审判庭", "trial")] - second_half, abs=0.011
    )
    assert shown[("民事审判第一庭", "审判")] == pytest.approx(
        before[("民事审判第一庭", "trial")] + second_half, abs=0.011
    )
    assert len(audit.log(demo_db, action="roster.transfer")) == 1


def test_admin_opens_accounts_for_the_roster_with_a_password_sheet(
    demo_db, open_window, qtbot, tmp_path, monkeypatch
):
    w = open_window(demo_db)
    view = _roster(w, qtbot)
    before = {u["login"] for u in accounts.list_users(demo_db)}
    target = tmp_path / "账户通知单.pdf"
    view.create_accounts(str(target))
    qtbot.waitUntil(w.tasks.idle, timeout=60_000)
    new = [u for u in accounts.list_users(demo_db) if u["login"] not in before]
    assert new and all(u["must_change"] for u in new)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    printed = dict(re.findall(r"登录名\s*(\S+)\s*角色.*?初始密码\s*([A-Za-z0-9]{10})", text, re.S))
    assert set(printed) == {u["login"] for u in new}
    login = new[0]["login"]
    user, must_change = accounts.login(demo_db, login, printed[login])  # the printed password opens it
    assert user.judge == new[0]["judge"] and must_change
    assert f"已建立 {len(new)} 个账户" in view.result.text() and str(target) in view.result.text()
    assert w.messages == [view.result.text()]
    # a second run has nobody left to open an account for: said in a message, no file written
    view.create_accounts(str(tmp_path / "again.pdf"))
    qtbot.waitUntil(w.tasks.idle, timeout=30_000)
    assert not (tmp_path / "again.pdf").exists()
    assert "都已有账户" in w.messages[-1] and "都已有账户" in view.result.text()
