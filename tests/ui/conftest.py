"""Qt tests run offscreen on a private copy of the small demo court."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def window(qtbot, demo_db, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a[2])))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: shown.append(a[2])))
    from workload_app.ui.application import create_app
    from workload_app.ui.main_window import MainWindow

    create_app()
    path = Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2])
    w = MainWindow(demo_db, path)
    w.messages = shown
    qtbot.addWidget(w)
    w.show()
    yield w
    w.tasks.wait(30_000)


@pytest.fixture
def open_window(qtbot, tmp_path, monkeypatch):
    """``open_window(db, login=None)``: the main window on ``db`` as that demo account (None: the
    local operator); every message box shown is recorded in ``window.messages``."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from workload_app.services import accounts
    from workload_app.services.demo import DEMO_PASSWORD
    from workload_app.ui.application import create_app
    from workload_app.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    shown: list[str] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda *a, **k: shown.append(a[2])))
    create_app()
    windows = []

    def make(db, login: str | None = None):
        if login:
            accounts.login(db, login, DEMO_PASSWORD)
        path = Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
        w = MainWindow(db, path)
        w.messages = shown
        qtbot.addWidget(w)
        w.show()
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.tasks.wait(30_000)
