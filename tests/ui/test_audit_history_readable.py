"""Issue 19.11: audit details as before/after fields, not raw JSON; import history in words and
local times."""

from __future__ import annotations

import dataclasses

import pytest

from workload_app.services import access, accounts
from workload_app.services import parameters as P

pytestmark = pytest.mark.gui


def _select(view, action: str) -> str:
    row = next(
        i
        for i in range(view.model.rowCount())
        if view._rows.iloc[view.model.source_row(i)]["action"] == action
    )
    view.table.selectRow(row)
    return view.detail.toPlainText()


def test_audit_details_are_fields_with_changes_marked(window, qtbot):
    params, _ = P.current_params(window.db, 2025)
    trial = dataclasses.replace(params.trial, trim_percent=5.0)
    P.save_params(window.db, dataclasses.replace(params, trial=trial), "截尾 5%")
    accounts.update_user(window.db, "faguan", role=access.PERSONNEL)
    view = window.view_titled("日志")
    text = _select(view, "params.save")
    assert "{" not in text.split("哈希")[0]  # no raw JSON
    assert "* 版本：1 → 2" in text
    assert "-trim_percent = 0.0" in text and "+trim_percent = 5.0" in text
    text = _select(view, "user.update")
    assert "* 角色：法官 → 人事" in text and "登录名：faguan" in text


def test_import_history_in_words_and_local_time(window, qtbot):
    from workload_app.ui.dialogs.import_wizard import ImportHistoryDialog

    dialog = ImportHistoryDialog(window)
    qtbot.addWidget(dialog)
    row = dialog.model.row_at(0)
    assert row["种类"] == "示范数据"
    assert "T" not in row["时间"] and len(row["时间"]) == 19
