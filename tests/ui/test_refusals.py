"""Issue 19.2: a refused action always says so; a role's forbidden actions are disabled."""

from __future__ import annotations

import pytest

from workload_app.core.problems import WorkloadError
from workload_app.services import access, accounts
from workload_app.storage import repository as repo

pytestmark = pytest.mark.gui


def test_personnel_cannot_change_parameters_and_is_told_why(
    demo_db, open_window, qtbot, tmp_path, monkeypatch
):
    w = open_window(demo_db, "renshi")
    view = w.view_titled("参数")
    for key in ("save", "publish", "import"):
        assert not view.buttons[key].isEnabled()
        assert "只有管理员" in view.buttons[key].toolTip()
    assert view.buttons["export"].isEnabled()
    # Even when reached (a shortcut, a stale button), the refusal is a message, not stderr.
    toml = tmp_path / "p.toml"
    toml.write_text((repo.current_param_set(demo_db, 2025))["toml"], encoding="utf-8")
    from PySide6.QtWidgets import QInputDialog

    from workload_app.ui import file_dialogs

    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(toml))
    view.import_toml()
    assert "人事「" in w.messages[-1] and "无权修改参数" in w.messages[-1]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("理由", True)))
    view.save()
    assert "无权修改参数" in w.messages[-1]
    view.publish()
    assert "无权发布参数" in w.messages[-1]
    assert len(repo.param_versions(demo_db, 2025)) == 1  # nothing was saved


def test_last_active_admin_cannot_be_disabled_or_demoted(demo_db, open_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    w = open_window(demo_db)  # the local operator, with 管理员 rights
    view = w.view_titled("用户")
    logins = view.model.frame()["login"].tolist()
    view.table.selectRow(logins.index("admin"))
    view.toggle()
    assert "最后一个启用的管理员" in w.messages[-1]
    with pytest.raises(WorkloadError, match="最后一个启用的管理员"):
        accounts.update_user(demo_db, "admin", role=access.PERSONNEL)
    assert next(u for u in accounts.list_users(demo_db) if u["login"] == "admin")["active"]
    # With a second administrator, the first may be disabled; then the second is the last.
    accounts.create_user(demo_db, "admin2", access.ADMIN, "Second2025x")
    accounts.update_user(demo_db, "admin", active=False)
    with pytest.raises(WorkloadError, match="最后一个启用的管理员"):
        accounts.update_user(demo_db, "admin2", active=False)
    accounts.update_user(demo_db, "admin", active=True)
    accounts.update_user(demo_db, "admin2", role=access.PERSONNEL)  # no longer the last one


def test_empty_database_overview_says_what_to_do_in_the_window(db, open_window, qtbot):
    w = open_window(db)
    w.view_titled("概览")
    text = w.views[0].summary.text()
    assert "文件 → 导入法官名册" in text and "文件 → 导入结案数据" in text and "「参数」页" in text
    assert "workload " not in text
    assert w.messages == []
