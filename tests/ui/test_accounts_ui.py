"""The window as each role sees it: log-in, a judge's own view, the audit log, accounts, printing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scoping_oracle import own_case_numbers
from workload_app.services import access, accounts, audit
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.services.demo import DEMO_PASSWORD
from workload_app.services.sheets import export_sheets

pytestmark = pytest.mark.gui


@pytest.fixture
def judge_window(qtbot, demo_db, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from workload_app.ui.application import create_app
    from workload_app.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a[2])))
    create_app()
    accounts.login(demo_db, "faguan", DEMO_PASSWORD)
    path = Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2])
    w = MainWindow(demo_db, path)
    w.messages = shown
    qtbot.addWidget(w)
    w.show()
    yield w
    w.tasks.wait(30_000)


def test_login_dialog_refuses_then_accepts(qtbot, demo_db):
    from workload_app.ui.application import create_app
    from workload_app.ui.dialogs.login import LoginDialog

    create_app()
    dialog = LoginDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.login.setText("faguan")
    dialog.password.setText("wrong")
    dialog.try_login()
    assert "登录名或密码不正确" in dialog.message.text() and dialog.result() == 0
    dialog.password.setText(DEMO_PASSWORD)
    dialog.try_login()
    assert dialog.result() == 1 and dialog.user.role == access.JUDGE
    assert access.current(demo_db).login == "faguan"


def test_judge_sees_own_views_and_cases_only(judge_window, qtbot, qtmodeltester):
    w = judge_window
    titles = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert titles == [
        "我的工作量",
        "案件",
        "长期未结",
        "报表",
        "年度考核",
        "疑问",
    ]  # 疑问: their own queries (issue 19.14); 年度考核: their own grade (issue 29)
    assert not w.acceptDrops()  # a judge cannot import
    for i in range(w.nav.count()):
        w.nav.setCurrentRow(i)
    assert w.messages == []
    me = w.user.judge
    access.bind_local_operator(w.db)
    merged, params, _ = S.court_results(w.db, 2025)
    own = merged[merged["case_number"].isin(own_case_numbers(w.db, me))]
    court = Q.assessment(w.db, 2025, 12).set_index("judge").loc[me]
    accounts.login(w.db, "faguan", DEMO_PASSWORD)
    w.show_view(w.cases_view)
    qtbot.waitUntil(w.tasks.idle, timeout=30_000)
    assert set(w.cases_view.model.frame()["case_number"]) == set(own["case_number"])
    view = w.my_view
    w.show_view(view)
    qtbot.waitUntil(lambda: "已完成" in view.summary.text(), timeout=20_000)  # read on the worker
    months = view.months.frame()
    assert months["cumulative"].iloc[-1] == pytest.approx(court["sc"], abs=1e-9)
    assert f"已完成 {court['sc']:.2f}" in view.summary.text()
    assert view.cases.rowCount() == len(own)
    qtmodeltester.check(view.months)
    qtmodeltester.check(view.cases)
    view.case_table.selectRow(0)
    qtbot.waitUntil(lambda: "\n" in view.explanation.toPlainText(), timeout=20_000)  # made on the worker
    number = view.cases.row_at(0)["case_number"]
    case = own[own["case_number"] == number]
    first, credit = view.explanation.toPlainText().split("\n")
    assert first == S.explanations(case, params).iloc[0]
    assert credit.startswith("本人为")  # and what the case earns this judge (issue 19.3)


def test_audit_view_lists_and_verifies(window, qtmodeltester, monkeypatch):
    view = window.view_titled("日志")
    assert view.model.rowCount() == len(audit.log(window.db, since=view._filters()["since"]))
    assert view.model.rowCount() > 0
    qtmodeltester.check(view.model)
    view.action.setCurrentIndex(view.action.findData("quota.plan"))
    view.refresh()
    assert set(view.model.frame()["action_label"]) == {"下达年度任务"}
    view.table.selectRow(0)
    # the plan's record in the reader's words: each track's common quota (the demo's 2025 trial 53)
    assert "基本任务：{" in view.detail.toPlainText() and "审判：53" in view.detail.toPlainText()
    view.verify()
    assert window.messages == [f"{audit.verify(window.db)[0]} 条记录，哈希链一致。"]


def test_users_view_lists_the_demo_accounts(window, qtmodeltester):
    view = window.view_titled("用户")
    assert list(view.model.frame()["login"]) == ["admin", "renshi", "tingzhang", "faguan"]
    assert list(view.model.frame()["role_label"]) == ["管理员", "人事", "庭长", "法官"]
    qtmodeltester.check(view.model)


def test_print_pdf_sends_every_page(qtbot, demo_db, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from workload_app.ui.application import create_app
    from workload_app.ui.printing import print_pdf

    create_app()
    sheet = export_sheets(demo_db, 2025, 6, "court", tmp_path / "in", workers=1)[0]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(100)
    sent = print_pdf(sheet, printer=printer)
    assert sent == len(PdfReader(sheet).pages) == len(PdfReader(tmp_path / "printed.pdf").pages)
