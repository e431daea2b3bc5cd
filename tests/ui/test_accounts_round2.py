"""Issue 30.12: 新建账户 starts on 法官; 关联法官 shows each judge with the division; 停用/启用 asks
first and is audited as 停用账户/启用账户 (not 修改账户); times are shown as people read them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from workload_app.services import access, accounts, audit

pytestmark = pytest.mark.gui


def test_a_new_account_starts_as_a_judges_with_judges_named_with_their_division(window):
    from workload_app.ui.views.users import UserDialog

    dialog = UserDialog(window)
    assert dialog.role.currentData() == access.JUDGE and dialog.role.currentText() == "法官"
    rows = window.db.conn.execute(
        "SELECT j.name, d.name FROM judges j LEFT JOIN divisions d ON d.id = j.division_id ORDER BY j.name"
    ).fetchall()
    shown = {dialog.judge.itemData(i): dialog.judge.itemText(i) for i in range(1, dialog.judge.count())}
    assert len(shown) == len(rows)
    for name, division in rows:
        assert shown[name] == (f"{name}（{division}）" if division else name)
    dialog.close()


def test_disabling_asks_first_and_is_audited_as_such(window, monkeypatch):
    view = window.view_titled("用户")
    logins = list(view.model.frame()["login"])
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, title, text, *a, **k):
        asked.append(f"{title}|{text}")
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    view.table.selectRow(logins.index("faguan"))
    view.toggle()
    assert asked[-1].startswith("停用账户|停用账户「faguan」（")
    assert next(u for u in accounts.list_users(window.db) if u["login"] == "faguan")["active"]

    answer[0] = QMessageBox.StandardButton.Yes
    view.toggle()
    assert not next(u for u in accounts.list_users(window.db) if u["login"] == "faguan")["active"]
    assert view.model.row_at(logins.index("faguan"))["state"] == "停用"
    view.table.selectRow(logins.index("faguan"))
    view.toggle()
    assert asked[-1].startswith("启用账户|启用账户「faguan」（")
    trail = audit.log(window.db)
    mine = trail[trail["target"] == "faguan"].sort_values("id")
    assert list(mine["action"])[-2:] == ["user.disable", "user.enable"]
    assert audit.ACTIONS["user.disable"] == "停用账户"
    accounts.update_user(window.db, "faguan", role=access.PERSONNEL)  # anything else: 修改账户
    assert audit.log(window.db).sort_values("id")["action"].iloc[-1] == "user.update"


def test_times_are_shown_as_people_read_them(window):
    view = window.view_titled("用户")
    stored = {u["login"]: u["created_at"] for u in accounts.list_users(window.db)}
    for i in range(view.model.rowCount()):
        row = view.model.row_at(i)
        assert row["created_at"] == stored[row["login"]][:16].replace("T", " ")
        assert "T" not in row["created_at"]
