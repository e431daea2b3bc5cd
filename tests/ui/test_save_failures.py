"""Issue 30.3: every save, print and open path that fails says so in the window, in the window's
language: a read-only folder, a file held open by another program, a bad name, a missing folder,
no program to open a PDF. Before, a sheet that could not be written left a traceback on stderr and
nothing in the window.

The failures are real: a folder or file made immutable (``chattr +i`` as root, where permissions
do not stop anyone; read-only modes otherwise), a name longer than the file system allows, and
the offscreen platform's refusal to open any document (no viewer)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from workload_app.services import access

pytestmark = pytest.mark.gui
HAN = re.compile(r"[\u4e00-\u9fff]")
LONG = "长" * 120  # 360 bytes in UTF-8: over any file system's 255


@pytest.fixture
def freeze():
    """``freeze(path)``: nobody may write into the folder or replace the file any more."""
    frozen: list[Path] = []

    def make(path: Path) -> Path:
        if os.geteuid() == 0:
            if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
                pytest.skip("this file system cannot make a file immutable")
        else:
            path.chmod(0o555 if path.is_dir() else 0o444)
        frozen.append(path)
        return path

    yield make
    for path in frozen:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.fixture
def places(tmp_path, freeze):
    read_only = tmp_path / "只读"
    read_only.mkdir()
    freeze(read_only)
    busy = tmp_path / "打开中.pdf"
    busy.write_bytes(b"%PDF-1.4 held open by a viewer")
    freeze(busy)
    return {"read_only": read_only, "busy": busy, "folder": tmp_path, "freeze": freeze}


def _sheets(w, qtbot):
    view = w.sheets_view
    w.show_view(view)
    qtbot.waitUntil(lambda: view.scope.count() > 0 and w.tasks.idle(), timeout=30_000)
    return view


def _last(w, qtbot, before: int) -> str:
    qtbot.waitUntil(lambda: w.tasks.idle() and len(w.messages) > before, timeout=60_000)
    return w.messages[-1]


def test_a_judges_sheet_that_cannot_be_saved_says_why(demo_db, open_window, qtbot, places):
    w = open_window(demo_db, "faguan")
    view = _sheets(w, qtbot)
    cases = [
        (
            places["read_only"] / "表.pdf",
            f"无法在文件夹「{places['read_only']}」中保存文件：该文件夹是只读的",
        ),
        (
            places["busy"],
            f"无法覆盖「{places['busy']}」：它可能正在另一个程序（如 PDF 阅读器、Excel、WPS）中打开",
        ),
        (places["folder"] / f"{LONG}.pdf", f"文件名「{LONG}.pdf」不可用：太长，或含有不允许的字符"),
        (
            places["folder"] / "没有这个文件夹" / "表.pdf",
            f"文件夹「{places['folder'] / '没有这个文件夹'}」不存在",
        ),
    ]
    for target, says in cases:
        before = len(w.messages)
        view.export(str(target))
        message = _last(w, qtbot, before)
        assert message.startswith(says), message
        assert view.result.text() == message
    assert places["busy"].read_bytes() == b"%PDF-1.4 held open by a viewer"
    assert list(places["read_only"].iterdir()) == []


def test_several_sheets_into_a_read_only_folder_say_why(demo_db, open_window, qtbot, places):
    w = open_window(demo_db, "renshi")
    view = _sheets(w, qtbot)
    view.scope.setCurrentIndex(0)  # 全院每位法官
    assert not view.single()
    before = len(w.messages)
    view.export(str(places["read_only"]))
    assert _last(w, qtbot, before) == (
        f"无法在文件夹「{places['read_only']}」中保存文件：该文件夹是只读的或没有写入权限。请换一个文件夹。"
    )


def test_open_now_without_a_viewer_says_so(demo_db, open_window, qtbot, tmp_path, monkeypatch):
    """The offscreen platform opens no document, like a PC without a PDF viewer."""
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    w = open_window(demo_db, "faguan")
    view = _sheets(w, qtbot)
    before = len(w.messages)
    view.export(str(tmp_path / "我的"))
    message = _last(w, qtbot, before)
    saved = tmp_path / "我的.pdf"
    assert saved.exists()
    assert message == f"本机没有能打开「{saved}」的程序，或无法启动它。文件已保存，可在其所在文件夹中找到。"
    view.open_folder.click()  # 打开所在文件夹: the same
    assert w.messages[-1] == (
        f"本机没有能打开「{tmp_path}」的程序，或无法启动它。文件已保存，可在其所在文件夹中找到。"
    )


def test_my_workload_sheet_that_cannot_be_saved_says_why(demo_db, open_window, qtbot, places):
    w = open_window(demo_db, "faguan")
    view = w.my_view
    w.show_view(view)
    qtbot.waitUntil(lambda: view.cases.rowCount() > 0 and w.tasks.idle(), timeout=30_000)
    before = len(w.messages)
    view.save_pdf(str(places["busy"]))
    assert _last(w, qtbot, before).startswith(f"无法覆盖「{places['busy']}」")
    before = len(w.messages)
    view.save_pdf(str(places["read_only"] / "我的"))
    assert _last(w, qtbot, before).startswith(f"无法在文件夹「{places['read_only']}」中保存文件")


def test_excel_pending_and_parameters_exports_say_why(demo_db, window, qtbot, places, monkeypatch):
    from workload_app.ui import file_dialogs

    # Excel from a table: a workbook of that name open in Excel
    view = window.cases_view
    window.show_view(view)
    qtbot.waitUntil(lambda: window.tasks.idle() and view.model.rowCount() > 0, timeout=60_000)
    busy_xlsx = places["folder"] / "案件.xlsx"
    busy_xlsx.write_bytes(b"open in Excel")
    places["freeze"](busy_xlsx)
    before = len(window.messages)
    assert view.excel.export(str(busy_xlsx)) is None
    assert window.messages[before:] == [
        f"无法覆盖「{busy_xlsx}」：它可能正在另一个程序（如 PDF 阅读器、Excel、WPS）中打开，或是只读文件。请关闭它或换一个文件名后重试。"
    ]
    # the pending-case alert list into a read-only folder
    pending = window.view_titled("长期未结")
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(places["read_only"] / "预警.pdf"))
    before = len(window.messages)
    pending._export_pdf()
    assert _last(window, qtbot, before).startswith(f"无法在文件夹「{places['read_only']}」中保存文件")
    # the year's parameters as TOML under a bad name
    monkeypatch.setattr(
        file_dialogs, "save_file_name", lambda *a, **k: str(places["folder"] / f"{LONG}.toml")
    )
    params = window.view_titled("参数")
    before = len(window.messages)
    params.export_toml()
    assert window.messages[before:] == [
        f'文件名「{LONG}.toml」不可用：太长，或含有不允许的字符（\\ / : * ? " < > |）。请换一个文件名。'
    ]


def test_account_slips_into_a_read_only_folder_create_no_account(demo_db, window, qtbot, places):
    from workload_app.services import roster

    before_accounts = demo_db.conn.execute("SELECT COUNT(*) FROM users").fetchone()[0]
    view = window.view_titled("名册")
    before = len(window.messages)
    view.create_accounts(str(places["read_only"] / "账户通知单"))
    message = _last(window, qtbot, before)
    assert message == (
        f"账户通知单未能保存：无法在文件夹「{places['read_only']}」中保存文件：该文件夹是只读的或没有写入权限。"
        "请换一个文件夹。未建立任何账户。"
    )
    assert demo_db.conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == before_accounts
    assert roster  # the service the view called


def test_the_failure_is_in_english_in_the_english_window(demo_db, open_window, qtbot, places):
    from PySide6.QtWidgets import QApplication

    from workload_app.ui.application import install_translators

    install_translators(QApplication.instance(), "en")
    try:
        w = open_window(demo_db, "faguan")
        view = _sheets(w, qtbot)
        before = len(w.messages)
        view.export(str(places["busy"]))
        message = _last(w, qtbot, before)
    finally:
        install_translators(QApplication.instance(), "zh_CN")
    assert message.startswith(f"Cannot overwrite “{places['busy']}”: it may be open in another program")
    assert not HAN.search(message.replace(str(places["busy"]), ""))
    assert access.current(demo_db).login == "faguan"
