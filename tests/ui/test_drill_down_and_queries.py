"""Issue 30.10 and 30.11: queries about one's own quota, targets and figures (a 庭长 too), in a box
that wraps, asker and answerer by name; the 庭长's drill-down from the 法官 table to a judge's
workload page, whose labels then speak of "this judge"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from workload_app.services import access, accounts, queries
from workload_app.services import quotas as Q
from workload_app.services.demo import DEMO_PASSWORD
from workload_app.ui.views.queries import AskDialog

pytestmark = pytest.mark.gui


def _row_of(model, judge: str) -> int:
    return next(r for r in range(model.rowCount()) if model.row_at(r)["judge"] == judge)


def _wait_page(w, qtbot, judge: str) -> None:
    view = w.my_view
    qtbot.waitUntil(
        lambda: view.judge() == judge and w.tasks.idle() and view.title.text().startswith(judge),
        timeout=60_000,
    )


def test_division_head_drills_down_to_a_judge_in_the_third_person(demo_db, open_window, qtbot):
    w = open_window(demo_db, "tingzhang")
    me = access.current(demo_db)
    judges = w.view_titled("法官")
    qtbot.waitUntil(lambda: judges.model.rowCount() > 0 and w.tasks.idle(), timeout=60_000)
    month = w.month()
    figures = Q.assessment(demo_db, 2025, month).set_index("judge")
    other = "李晓东"  # a judge of the 庭长's division, not the 庭长
    assert figures.loc[other, "division"] == me.division and other != me.judge
    # a double-click on the judge's row opens their page
    row = _row_of(judges.model, other)
    rect = judges.table.visualRect(judges.model.index(row, 0))
    qtbot.mouseClick(judges.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(judges.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _wait_page(w, qtbot, other)
    page = w.my_view
    assert w.stack.currentWidget() is page
    sc = float(figures.loc[other, "sc"])
    assert f"已完成 {sc:.2f}" in page.summary.text()
    assert f"年度任务 {float(figures.loc[other, 'quota']):.2f}" in page.summary.text()
    # the credited column of the list adds up to the same figure, and says whose share it is
    cases = page.cases.frame()
    assert float(cases["credited"][page._all_cases["unit"] == "trial"].sum()) == pytest.approx(sc)
    headers = [page.cases.headerData(c, Qt.Orientation.Horizontal) for c in range(page.cases.columnCount())]
    assert "该法官的份额" in headers and "计入该法官" in headers and "本人份额" not in headers
    assert page.save_button.text() == "生成该法官的考核表 PDF…"
    assert page.ask_button.text() == "对该法官的任务或数字有疑问…"
    assert f"计入该法官的审判标准案件合计 {sc:.2f}" in page.credit_note.text()
    assert "本人" not in page.credit_note.text() and "本人任务" not in page.summary.text()
    # the context menu's 查看工作量明细 on the 庭长's own row: the first person again
    w.show_view(judges)
    menu = judges.menu_for(_row_of(judges.model, me.judge))
    assert [a.text() for a in menu.actions()] == ["查看工作量明细"]
    menu.actions()[0].trigger()
    _wait_page(w, qtbot, me.judge)
    assert f"已完成 {float(figures.loc[me.judge, 'sc']):.2f}" in page.summary.text()
    headers = [page.cases.headerData(c, Qt.Orientation.Horizontal) for c in range(page.cases.columnCount())]
    assert "本人份额" in headers and "该法官的份额" not in headers
    assert page.save_button.text() == "生成我的考核表 PDF…"


def test_drill_down_labels_in_english(demo_db, qtbot):
    from pathlib import Path

    from workload_app.ui.application import create_app, install_translators
    from workload_app.ui.main_window import MainWindow

    app = create_app()
    install_translators(app, "en")
    try:
        accounts.login(demo_db, "tingzhang", DEMO_PASSWORD)
        w = MainWindow(demo_db, Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2]), "en")
        qtbot.addWidget(w)
        w.show()
        from workload_app.ui.views.people import JudgesView

        judges = next(v for v in w.views if isinstance(v, JudgesView))
        w.show_view(judges)
        qtbot.waitUntil(lambda: judges.model.rowCount() > 0 and w.tasks.idle(), timeout=60_000)
        assert [a.text() for a in judges.menu_for(0).actions()] == ["Workload details"]
        judges.drill_down(_row_of(judges.model, "李晓东"))
        _wait_page(w, qtbot, "李晓东")
        page = w.my_view
        headers = [
            page.cases.headerData(c, Qt.Orientation.Horizontal) for c in range(page.cases.columnCount())
        ]
        assert "This judge's share" in headers and "Credited to this judge" in headers
        assert page.save_button.text() == "Create this judge's sheet as PDF…"
        assert "this judge's share" in page.credit_note.text()
        w.tasks.wait(30_000)
    finally:
        install_translators(app, "zh")


def _answer_dialog(qtbot, text: str, kind_index: int = 0) -> list:
    """Fill the next modal AskDialog with ``text`` (and a kind) and press OK, as a user would;
    what the dialog showed is returned."""
    seen: list = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AskDialog):
            QTimer.singleShot(50, fill)
            return
        seen.append(dialog)
        dialog.kind.setCurrentIndex(kind_index)
        dialog.text.setFocus()
        dialog.text.insertPlainText(text)  # as typed or pasted (QTest cannot type Chinese)
        QApplication.processEvents()
        seen.append(dialog.text.document().firstBlock().layout().lineCount())
        dialog.accept()

    QTimer.singleShot(50, fill)
    return seen


def test_a_judge_queries_their_own_quota_in_a_box_that_wraps(demo_db, open_window, qtbot):
    w = open_window(demo_db, "faguan")
    page = w.my_view
    w.show_view(page)
    _wait_page(w, qtbot, "李晓东")
    long_text = "年度任务比同组其他审判员高出约百分之十，请核对计算所用的上年结案数和预收案件数是否正确" * 2
    seen = _answer_dialog(qtbot, long_text, kind_index=0)
    page.ask_button.click()
    dialog, lines = seen
    assert dialog.windowTitle() == "对任务或数字有疑问"
    assert dialog.text.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert lines > 1  # the question wraps inside the box
    assert "疑问已提交人事部门" in w.messages[-1]
    accounts.login(demo_db, "faguan", DEMO_PASSWORD)
    stored = queries.listing(demo_db).to_dict("records")
    assert [(r["kind"], r["judge"], r["case_number"], r["asked_by_name"]) for r in stored] == [
        ("quota", "李晓东", "", "李晓东")
    ]
    assert stored[0]["question"] == long_text
    # in the 疑问 list: what it is about, and the asker by name
    mine = w.view_titled("疑问")
    mine.refresh()
    row = mine.model.row_at(0)
    assert (row["kind_label"], row["judge"], row["asked_by_name"], row["state"]) == (
        "任务与目标",
        "李晓东",
        "李晓东",
        "待答复",
    )
    mine.table.selectRow(0)
    assert mine.detail.toPlainText().startswith("法官李晓东的任务与目标\n疑问（李晓东，")
    # 人事 answers; the judge sees the answer with the answerer's name
    accounts.login(demo_db, "renshi", DEMO_PASSWORD)
    queries.answer(demo_db, int(stored[0]["id"]), "已核对：上年结案数无误", "")
    judge = open_window(demo_db, "faguan")
    mine = judge.view_titled("疑问")
    mine.refresh()
    mine.table.selectRow(0)
    assert mine.model.row_at(0)["answered_by_name"] == "政治部人事处"
    assert "答复（政治部人事处，" in mine.detail.toPlainText()


def test_a_division_head_queries_their_own_figures_and_a_judges_not_another_divisions(
    demo_db, open_window, qtbot
):
    w = open_window(demo_db, "tingzhang")
    me = access.current(demo_db)
    page = w.my_view
    w.show_view(page)
    _wait_page(w, qtbot, me.judge)
    seen = _answer_dialog(qtbot, "得分与完成率不符", kind_index=1)
    page.ask_button.click()
    assert seen[0].windowTitle() == "对任务或数字有疑问"
    assert "疑问已提交人事部门" in w.messages[-1]
    page.show_judge("李晓东")  # a judge of the division: the 庭长 may ask about their quota
    _wait_page(w, qtbot, "李晓东")
    page.ask_about("月度目标分布是否按上年规律", kind=queries.QUOTA)
    accounts.login(demo_db, "tingzhang", DEMO_PASSWORD)
    rows = queries.listing(demo_db).sort_values("id")
    assert [(r.kind, r.judge, r.asked_by, r.asked_by_name) for r in rows.itertuples()] == [
        ("figures", me.judge, "tingzhang", me.judge),
        ("quota", "李晓东", "tingzhang", me.judge),
    ]
    # a judge of another division: refused, nothing stored
    with pytest.raises(access.AccessDenied) as refused:
        queries.ask_about(demo_db, 2025, queries.QUOTA, "为什么", judge="马刚")
    assert refused.value.render("zh") == "庭长「罗娜」无权就法官「马刚」的任务或数字提出疑问"
    # a judge: only their own
    accounts.login(demo_db, "faguan", DEMO_PASSWORD)
    with pytest.raises(access.AccessDenied):
        queries.ask_about(demo_db, 2025, queries.FIGURES, "为什么", judge=me.judge)
    with pytest.raises(queries.WorkloadError):
        queries.ask_about(demo_db, 2025, "salary", "为什么")
    assert demo_db.conn.execute("SELECT COUNT(*) FROM queries").fetchone()[0] == 2
    # the judge sees the 庭长's question about them (as the court server's scope shows it)
    assert list(queries.listing(demo_db)["question"]) == ["月度目标分布是否按上年规律"]
