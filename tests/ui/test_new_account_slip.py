"""Issue 30.6: the window's 新建账户 writes the new account's slip (a PDF the 管理员 names); with
the password left empty it is random and exists only on the slip, which logs in."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.slip_pdf import embedded_fonts, pdf_text, slip_password
from workload_app.services import accounts
from workload_app.ui import file_dialogs

pytestmark = pytest.mark.gui


def new_account(window, login: str):
    from workload_app.ui.views.users import UserDialog

    dialog = UserDialog(window)
    dialog.login.setText(login)
    dialog.judge.setCurrentIndex(1)
    return dialog


def ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_new_account_gets_a_random_password_on_its_slip(window, tmp_path, monkeypatch):
    asked = []

    def save_file_name(_parent, caption, start, _filter, **_k):
        asked.append((caption, start))
        return str(tmp_path / "slips" / "zhang")

    (tmp_path / "slips").mkdir()
    monkeypatch.setattr(file_dialogs, "save_file_name", save_file_name)
    dialog = new_account(window, "zhang_new")
    judge = dialog.judge.currentData()
    assert (
        dialog.slip.isChecked()
        and dialog.password.placeholderText() == "留空则随机生成，只打印在账户通知单上"
    )
    ok(dialog)
    assert asked and asked[0][0] == "保存账户通知单" and asked[0][1].endswith("账户通知单_zhang_new.pdf")
    slip = tmp_path / "slips" / "zhang.pdf"
    assert dialog.slip_path == slip and dialog.result() == dialog.DialogCode.Accepted
    assert (
        window.messages[-1] == f"账户「zhang_new」已建立，初始密码已写入 {slip}（仅此一份），首次登录须修改。"
    )
    text = pdf_text(slip)
    password = slip_password(text, "zhang_new")
    assert judge in text and "法官" in text and "数据库文件 demo.sqlite" in text
    assert all(emb == "yes" for _, emb in embedded_fonts(slip))
    user, must_change = accounts.login(window.db, "zhang_new", password)
    assert (user.judge, user.role, must_change) == (judge, "judge", True)


def test_without_a_slip_the_password_must_be_typed_and_a_cancelled_slip_creates_nothing(window, monkeypatch):
    dialog = new_account(window, "li_new")
    dialog.slip.setChecked(False)
    ok(dialog)
    assert dialog.message.text() == "请填写初始密码，或保存账户通知单（随机生成初始密码）。"
    dialog.slip.setChecked(True)
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: "")
    ok(dialog)
    assert dialog.isVisible() or dialog.result() != dialog.DialogCode.Accepted
    assert all(u["login"] != "li_new" for u in accounts.list_users(window.db))
