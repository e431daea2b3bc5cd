"""Issue 16.6: the window's file and database work runs on the worker (ui/tasks.py), with the
progress/Cancel dialog of the other tasks: the import wizard's preview of the chosen file and the
judge's own PDF sheet (我的工作量). The window stays responsive meanwhile and shows what it showed
when the work ran on the window's own thread."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.importing.conftest import case_rows, write_xlsx

pytestmark = pytest.mark.gui


def _blocking(real, seen: list[int], release: threading.Event):
    """``real`` made to note the thread it runs on and to wait for ``release`` first."""

    def wrapper(*args, **kwargs):
        seen.append(threading.get_ident())
        assert release.wait(15), "the test never released the work"
        return real(*args, **kwargs)

    return wrapper


def _responsive(qtbot) -> None:
    """The window's event loop still runs: a timer posted now fires."""
    from PySide6.QtCore import QTimer

    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=2_000)


def _cases_file(tmp_path: Path) -> Path:
    notes = [["导出说明"], ["本表导出自审判流程管理系统"]]
    return write_xlsx(tmp_path / "结案.xlsx", case_rows(), title="结案案件", extra_sheets=[("说明", notes)])


def test_import_preview_reads_the_file_on_the_worker_and_shows_its_first_rows(
    window, qtbot, tmp_path, monkeypatch
):
    from workload_app.services import imports as I
    from workload_app.ui.dialogs.import_wizard import ImportWizard

    gui = threading.get_ident()
    seen: list[int] = []
    release = threading.Event()
    monkeypatch.setattr(I, "preview", _blocking(I.preview, seen, release))
    path = _cases_file(tmp_path)
    try:
        wizard = ImportWizard(window, path)  # reading the file on this thread would block here
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
        _responsive(qtbot)
        assert "正在读取 结案.xlsx" in wizard.summary.text()
        assert not wizard.import_button.isEnabled() and not wizard.check_button.isEnabled()
    finally:
        release.set()
    qtbot.waitUntil(wizard.import_button.isEnabled, timeout=20_000)
    assert seen[0] != gui
    # what the window shows: the file's sheets, the header found under the title and a blank row,
    # every header known, the four cases as they are in the file
    assert [wizard.sheet.itemText(i) for i in range(wizard.sheet.count())] == ["说明", "结案案件"]
    assert wizard.sheet.currentText() == "结案案件"
    assert "表头在第 3 行；识别 13 列，未识别 1 列" in wizard.summary.text()
    unknown = [
        wizard.mapping.item(r, 0).text()
        for r in range(wizard.mapping.rowCount())
        if wizard.mapping.cellWidget(r, 1).isEnabled()
    ]
    assert wizard.mapping.rowCount() == 14 and unknown == ["序号"]  # a row counter, no case field
    assert wizard.preview.rowCount() == 4
    rows = case_rows()
    for i, row in enumerate(rows[1:5]):
        shown = wizard.preview.row_at(i)
        for column in ("案号", "案由", "承办人", "承办部门"):
            assert shown[column] == row[rows[0].index(column)]
    assert list(wizard.preview.row_at(0).values()) == [
        "1", "(2024)渝0106民初1234号", "民间借贷纠纷", "张三", "民事审判第一庭", "2024-03-05",
        "2024-06-01", "判决", "普通程序", "120", "8", "6", "李四、王五", "",  # as typed (issue 30.9)
    ]  # fmt: skip


def test_a_sheet_without_cases_is_refused_from_the_worker_with_the_readers_message(window, qtbot, tmp_path):
    from workload_app.core.problems import ImportRejected
    from workload_app.services import imports as I
    from workload_app.ui import db_errors
    from workload_app.ui.dialogs.import_wizard import ImportWizard

    path = _cases_file(tmp_path)
    with pytest.raises(ImportRejected) as direct:  # what the window showed when it read the file itself
        I.preview(window.db, path, "说明")
    wizard = ImportWizard(window, path)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(wizard.import_button.isEnabled, timeout=20_000)
    wizard.sheet.setCurrentText("说明")
    qtbot.waitUntil(lambda: "b00020" in wizard.summary.text(), timeout=20_000)
    assert db_errors.text(direct.value) in wizard.summary.text()
    assert not wizard.import_button.isEnabled() and not wizard.check_button.isEnabled()


def test_cancel_while_the_preview_is_read_drops_it(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from workload_app.services import imports as I
    from workload_app.ui.dialogs.import_wizard import ImportWizard

    seen: list[int] = []
    release = threading.Event()
    monkeypatch.setattr(I, "preview", _blocking(I.preview, seen, release))
    try:
        wizard = ImportWizard(window, _cases_file(tmp_path))
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitUntil(lambda: wizard.findChild(QProgressDialog) is not None, timeout=10_000)
        progress = wizard.findChild(QProgressDialog)
        qtbot.waitUntil(progress.isVisible, timeout=10_000)  # shown after its 300 ms delay
        assert "正在读取 结案.xlsx" in progress.labelText()
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)  # 取消
    finally:
        release.set()
    qtbot.waitUntil(lambda: "已取消读取" in wizard.summary.text(), timeout=20_000)
    assert wizard.preview.rowCount() == 0 and not wizard.import_button.isEnabled()


def _pdf_text(path: Path) -> str:
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    return re.sub(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?", "", text)  # the time it was made


def _my_view(demo_db, open_window, qtbot):
    w = open_window(demo_db, "faguan")
    view = w.my_view
    w.show_view(view)
    qtbot.waitUntil(lambda: view.cases.rowCount() > 0 and w.tasks.idle(), timeout=30_000)
    return w, view


def test_my_sheet_pdf_is_made_on_the_worker_and_is_the_judges_sheet(
    demo_db, open_window, qtbot, tmp_path, monkeypatch
):
    from workload_app.services.sheets import export_sheets
    from workload_app.ui import file_dialogs
    from workload_app.ui.views import my_workload

    w, view = _my_view(demo_db, open_window, qtbot)
    gui = threading.get_ident()
    seen: list[int] = []
    release = threading.Event()
    monkeypatch.setattr(my_workload, "export_sheets", _blocking(export_sheets, seen, release))
    folder = tmp_path / "out"
    folder.mkdir()
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    asked = []
    monkeypatch.setattr(
        file_dialogs, "save_file_name", lambda _p, _c, start, _f: asked.append(start) or str(folder / "mine")
    )
    try:
        view.save_pdf()
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
        _responsive(qtbot)
        assert not w.tasks.idle()
    finally:
        release.set()
    qtbot.waitUntil(lambda: hasattr(view, "saved_path"), timeout=60_000)
    assert seen[0] != gui
    # asked for a file, like 报表, under the sheet's usual name
    assert asked[0].endswith(f"{w.year()}-{w.month():02d}_法官考核表_{view.judge()}.pdf")
    made = list(folder.glob("*.pdf"))
    assert made == [folder / "mine.pdf"] == [view.saved_path]
    # the same sheet as the one made directly, as the window made it on its own thread before
    year, month, judge = w.year(), w.month(), view.judge()
    direct = export_sheets(demo_db, year, month, "judge", tmp_path, judge=judge, workers=1)[0]
    text = _pdf_text(made[0])
    assert judge in text and text == _pdf_text(direct)


def test_print_preview_of_my_sheet_is_made_on_the_worker_and_cleaned_up(
    demo_db, open_window, qtbot, monkeypatch
):
    from workload_app.services.sheets import export_sheets
    from workload_app.ui import printing
    from workload_app.ui.views import my_workload

    w, view = _my_view(demo_db, open_window, qtbot)
    seen: list[int] = []
    release = threading.Event()
    release.set()
    monkeypatch.setattr(my_workload, "export_sheets", _blocking(export_sheets, seen, release))
    shown: list[tuple[Path, bool, str]] = []
    monkeypatch.setattr(
        printing,
        "preview_pdf",
        lambda path, parent, title: shown.append((path, path.exists(), _pdf_text(path))),
    )
    view.print_sheet()
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    path, existed, text = shown[0]
    assert seen[0] != threading.get_ident()
    assert existed and view.judge() in text
    assert not path.parent.exists()  # the preview's folder is removed once the preview is closed
