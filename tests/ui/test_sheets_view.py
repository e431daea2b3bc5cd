"""Issue 19.8: 报表 offers what the role may print, the scope follows the kind, a single sheet is
saved under a chosen name and offered to open, 打印预览 before printing."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox

from workload_app.services import access

pytestmark = pytest.mark.gui


def _sheets(w, qtbot):
    view = w.sheets_view
    w.show_view(view)
    qtbot.waitUntil(lambda: view.scope.count() > 0 and w.tasks.idle(), timeout=30_000)
    return view


def _kinds(view) -> list[str]:
    return [view.kind.itemData(i) for i in range(view.kind.count())]


def _scopes(view) -> list[tuple]:
    return [view.scope.itemData(i) for i in range(view.scope.count())]


def test_judge_is_offered_only_own_sheets_and_saves_under_a_name(
    demo_db, open_window, qtbot, tmp_path, monkeypatch
):
    w = open_window(demo_db, "faguan")
    me = access.current(demo_db).judge
    view = _sheets(w, qtbot)
    assert _kinds(view) == ["judge", "notice"]
    assert _scopes(view) == [("judge", me)]
    assert view.single() and not view.combined.isEnabled()
    opened = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True)
    )
    target = tmp_path / "我的考核表"
    view.export(str(target))
    qtbot.waitUntil(w.tasks.idle, timeout=30_000)
    saved = tmp_path / "我的考核表.pdf"
    assert saved.exists() and opened == [str(saved)]
    assert me in PdfReader(saved).pages[0].extract_text()


def test_scope_follows_the_kind(demo_db, open_window, qtbot):
    w = open_window(demo_db, "renshi")
    view = _sheets(w, qtbot)
    assert _kinds(view) == ["judge", "division", "court", "notice"]
    view.kind.setCurrentIndex(_kinds(view).index("court"))
    assert _scopes(view) == [("all", None)] and not view.scope.isEnabled() and view.single()
    view.kind.setCurrentIndex(_kinds(view).index("division"))
    scopes = _scopes(view)
    assert scopes[0] == ("all", None) and all(s[0] == "division" for s in scopes[1:])
    view.kind.setCurrentIndex(_kinds(view).index("judge"))
    kinds_of_scope = {s[0] for s in _scopes(view)}
    assert kinds_of_scope == {"all", "division", "judge"}


def test_division_head_gets_own_division_only(demo_db, open_window, qtbot):
    w = open_window(demo_db, "tingzhang")
    user = access.current(demo_db)
    view = _sheets(w, qtbot)
    assert _kinds(view) == ["judge", "division", "notice"]
    view.kind.setCurrentIndex(1)
    assert _scopes(view) == [("division", user.division)]
    view.kind.setCurrentIndex(0)
    assert ("division", user.division) in _scopes(view) and ("all", None) not in _scopes(view)


def test_print_preview_shows_every_page(demo_db, open_window, qtbot, tmp_path, monkeypatch):
    w = open_window(demo_db, "tingzhang")
    view = _sheets(w, qtbot)
    view.kind.setCurrentIndex(1)  # the division sheet
    out = tmp_path / "preview.pdf"

    def fake_exec(dialog) -> int:  # what the preview paints, written to a PDF instead of a screen
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    view.print_preview()
    qtbot.waitUntil(lambda: out.exists() and w.tasks.idle(), timeout=30_000)
    assert len(PdfReader(out).pages) == len(PdfReader(view.preview_path).pages) >= 1
