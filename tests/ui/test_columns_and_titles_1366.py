"""Issue 30.15 (last point): at 1366×768 no column of a table is cut (a stretched last column shrank
below its content once the columns overflowed; 案件's columns were a fixed 100 pixels), the
我的工作量 tables show whole in Chinese, and no dialog's title is cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QTableView

from workload_app.services import accounts
from workload_app.services.demo import DEMO_PASSWORD
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.dialog_titles import shown_title, title_width

pytestmark = pytest.mark.gui
SCREEN = (1366, 768)


def _window(qtbot, db, login: str, lang: str):
    from workload_app.ui.application import create_app, install_translators
    from workload_app.ui.main_window import MainWindow

    app = create_app()
    install_translators(app, lang)
    accounts.login(db, login, DEMO_PASSWORD)
    w = MainWindow(db, Path(db.conn.execute("PRAGMA database_list").fetchone()[2]), lang)
    qtbot.addWidget(w)
    w.show()
    w.showNormal()
    w.resize(SCREEN[0] - 4, SCREEN[1] - 40)  # the frame and the taskbar
    return app, w


def _cut_columns(view) -> list[tuple]:
    """(heading, width, needed) of each column of the view's filled tables narrower than its
    heading or its first rows need."""
    cut = []
    for table in view.findChildren(QTableView):
        model = table.model()
        if not table.isVisible() or not isinstance(model, DataFrameModel) or model.rowCount() == 0:
            continue
        header = table.horizontalHeader()
        for c in range(model.columnCount()):
            need = max(header.sectionSizeFromContents(c).width(), table.sizeHintForColumn(c))
            if header.sectionSize(c) + 1 < need:
                cut.append((model.headerData(c, header.orientation()), header.sectionSize(c), need))
    return cut


@pytest.mark.parametrize(("login", "lang"), [("renshi", "zh_CN"), ("tingzhang", "en"), ("faguan", "zh_CN")])
def test_no_column_is_cut_at_1366(demo_db, qtbot, login, lang):
    app, w = _window(qtbot, demo_db, login, lang)
    try:
        cuts = {}
        for i in range(w.nav.count()):
            w.nav.setCurrentRow(i)
            qtbot.waitUntil(w.tasks.idle, timeout=60_000)
            app.processEvents()
            view = w.stack.currentWidget()
            if found := _cut_columns(view):
                cuts[w.nav.item(i).text()] = found
        assert cuts == {}
        if lang == "zh_CN":  # 我的工作量's month and 质效 tables whole beside the chart
            page = w.my_view
            w.show_view(page)
            qtbot.waitUntil(lambda: w.tasks.idle() and page.months.rowCount() == 12, timeout=60_000)
            app.processEvents()
            for table in (page.month_table, page.quality_table):
                # whole, to a few pixels (a column's text is never hidden by them)
                assert table.horizontalScrollBar().maximum() <= 4, table.model().headerData(0, 1)
            sizes = page.upper.sizes()  # the chart keeps its room (360 px, or a third of a narrower row)
            assert sizes[1] >= min(360, sum(sizes) // 3)
    finally:
        w.tasks.wait(30_000)
        install = __import__("workload_app.ui.application", fromlist=["x"]).install_translators
        install(app, "zh_CN")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_dialog_titles_are_whole(demo_db, qtbot, lang):
    from workload_app.ui.views.pending import ReasonDialog
    from workload_app.ui.views.queries import AnswerDialog, AskDialog
    from workload_app.ui.views.review import DecisionDialog
    from workload_app.ui.views.roster import TransferDialog

    app, w = _window(qtbot, demo_db, "renshi", lang)
    try:
        number = "(2025)渝0106民初12345号"
        row = {"case_number": number, "judge": "李晓东", "question": "页数？"}
        case = {
            "case_number": number, "judge": "李晓东", "division": "刑事审判庭", "type_code": "民初",
            "file_pages": 1988, "transcript_pages": 8, "judgment_pages": 11, "reason": "卷宗页数 1988",
        }  # fmt: skip
        dialogs = [
            ReasonDialog(w, number, None, None),
            AnswerDialog(w, row),
            AskDialog(w, w.tr("对任务或数字有疑问"), "?"),
            DecisionDialog(case, True, w),
            TransferDialog(w.roster_view, {"name": "李晓东", "division": "刑事审判庭"}),
            QInputDialog(w),
        ]
        dialogs[-1].setWindowTitle(w.tr("调整任务"))
        narrow = 0
        for dialog in dialogs:
            narrow += dialog.sizeHint().width() < title_width(dialog)  # cut before
            dialog.show()
            QApplication.processEvents()
            assert dialog.width() >= title_width(dialog), shown_title(dialog)
            assert dialog.minimumWidth() >= title_width(dialog), shown_title(dialog)
            dialog.close()
        assert narrow >= 2  # some of them were narrower than their titles
        # the program's name the system adds to every title follows the window's language
        name = "Judge Workload Calculator" if lang == "en" else "法官工作量计算器"
        assert shown_title(dialogs[0]).endswith(f" — {name}")
    finally:
        w.tasks.wait(30_000)
        install = __import__("workload_app.ui.application", fromlist=["x"]).install_translators
        install(app, "zh_CN")
