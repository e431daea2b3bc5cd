"""Issue 30.14: Qt's file dialogs entirely in the window's language (Qt's own Chinese from
PySide6's translations folder); each login keeps its own last folder (the 庭长's dialog no longer
opens in the folder the judge used on the same PC); Excel exports start in that folder."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from workload_app.ui import file_dialogs
from workload_app.ui.application import install_translators

pytestmark = pytest.mark.gui
HAN = re.compile(r"[\u4e00-\u9fff]")


def _texts(dialog) -> list[str]:
    shown = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)]
    for box in dialog.findChildren(QComboBox):
        shown += [box.itemText(i) for i in range(box.count())]
    return [t for t in shown if t]


def test_the_file_dialog_speaks_the_windows_language(qtbot, tmp_path):
    from workload_app.ui.application import create_app

    app = create_app()
    install_translators(app, "zh_CN")
    dialog = file_dialogs.make_dialog(None, "保存报表", str(tmp_path), "PDF 文件 (*.pdf)")
    qtbot.addWidget(dialog)
    texts = _texts(dialog)
    assert {"查找范围(&L)：", "文件类型(&T)：", "文件名(&N)："} <= set(texts), texts
    words = [t for t in texts if "(*." not in t and t != str(tmp_path)]  # the filter names its extension
    assert not [t for t in words if re.search("[A-Za-z]{3}", t)], texts
    install_translators(app, "en")
    try:
        dialog = file_dialogs.make_dialog(None, "Save sheet", str(tmp_path), "PDF files (*.pdf)")
        qtbot.addWidget(dialog)
        texts = _texts(dialog)
        assert {"&Look in:", "Files of &type:", "File &name:"} <= set(texts), texts
        assert not [t for t in texts if HAN.search(t)]
    finally:
        install_translators(app, "zh_CN")


def test_each_login_keeps_its_own_last_folder_and_excel_starts_there(
    demo_db, open_window, qtbot, tmp_path, monkeypatch
):
    judges_folder, heads_folder = tmp_path / "法官的", tmp_path / "庭长的"
    judges_folder.mkdir()
    heads_folder.mkdir()
    judge = open_window(demo_db, "faguan")
    view = judge.cases_view
    judge.show_view(view)
    qtbot.waitUntil(lambda: judge.tasks.idle() and view.model.rowCount() > 0, timeout=60_000)
    assert view.excel.export(str(judges_folder / "我的案件")) == judges_folder / "我的案件.xlsx"
    assert file_dialogs.last_folder(judge.user) == judges_folder

    head = open_window(demo_db, "tingzhang")
    assert file_dialogs.last_folder(head.user) != judges_folder
    asked: list[str] = []
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda _p, _c, start, _f: asked.append(start) or "")
    view = head.cases_view
    head.show_view(view)
    qtbot.waitUntil(lambda: head.tasks.idle() and view.model.rowCount() > 0, timeout=60_000)
    view.excel.export()
    assert not asked[-1].startswith(str(judges_folder))
    file_dialogs.remember_folder(head.user, heads_folder)
    view.excel.export()
    assert asked[-1].startswith(str(heads_folder / ""))  # the Excel export starts in the last folder
    assert file_dialogs.last_folder(judge.user) == judges_folder  # the judge's is untouched
