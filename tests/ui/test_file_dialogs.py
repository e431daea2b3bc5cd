"""The window's file dialogs must never open the files they list (issue 14, data loss).

Showing the database's folder in Qt's file dialog used to open and close ``x.sqlite-wal`` and
``x.sqlite-shm`` to guess their type; on Linux that dropped the window's SQLite locks, so another
program opening and closing the database deleted the write-ahead log under the window."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def _other_process_opens_and_closes(path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH") or str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "workload_app.cli", "--db", str(path), "info"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _while_dialog_is_shown(qtbot, folder: Path):
    """(what was seen, a timer callback): once the modal file dialog lists ``folder`` with the
    -wal file's type worked out, another process opens and closes the database; then cancel."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

    seen: dict = {}

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, drive)
            return
        model = dialog.findChild(QFileSystemModel)
        wal = folder / (seen["db"].name + "-wal")

        def listed_with_type() -> bool:
            index = model.index(str(wal), 2)  # column 2: the file's type
            return index.isValid() and bool(model.data(index))

        qtbot.waitUntil(listed_with_type, timeout=10_000)
        qtbot.wait(300)
        seen["files_before"] = sorted(p.name for p in folder.iterdir())
        seen["other"] = _other_process_opens_and_closes(seen["db"])
        seen["files_after"] = sorted(p.name for p in folder.iterdir())
        dialog.reject()

    return seen, drive


def _check(window, seen: dict) -> None:
    from workload_app.storage import repository as repo

    db_path: Path = seen["db"]
    assert seen["other"].returncode == 0, seen["other"].stderr
    wal = db_path.name + "-wal"
    assert wal in seen["files_before"]
    assert wal in seen["files_after"], "the other process deleted the window's write-ahead log"
    # the window can still write, and what it writes is in the file for everyone
    with repo.transaction(window.db):
        repo.set_meta(window.db, "probe_after_dialog", "written")
    fresh = sqlite3.connect(db_path)
    try:
        assert fresh.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        value = fresh.execute("SELECT value FROM meta WHERE key = 'probe_after_dialog'").fetchone()
        assert value == ("written",)
    finally:
        fresh.close()


def test_open_database_dialog_on_the_database_folder_keeps_the_locks(window, qtbot):
    from PySide6.QtCore import QTimer

    from workload_app.ui import file_dialogs

    folder = window.db_path.parent
    file_dialogs.remember_folder(window.user, folder)
    seen, drive = _while_dialog_is_shown(qtbot, folder)
    seen["db"] = window.db_path
    window.db.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('probe_before', '1')")
    QTimer.singleShot(0, drive)
    window.open_database()
    _check(window, seen)


def test_import_dialog_on_the_database_folder_keeps_the_locks(window, qtbot):
    from PySide6.QtCore import QTimer

    from workload_app.ui import file_dialogs
    from workload_app.ui.dialogs.import_wizard import ImportWizard

    folder = window.db_path.parent
    file_dialogs.remember_folder(window.user, folder)
    seen, drive = _while_dialog_is_shown(qtbot, folder)
    seen["db"] = window.db_path
    window.db.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('probe_before', '1')")
    wizard = ImportWizard(window)
    qtbot.addWidget(wizard)
    QTimer.singleShot(0, drive)
    wizard.choose()
    _check(window, seen)


def test_the_icon_provider_never_opens_a_file(tmp_path, qtbot):
    """Type and icon come from the name: a file nobody may read still gets both."""
    from PySide6.QtCore import QFileInfo

    from workload_app.ui.file_dialogs import icon_provider

    secret = tmp_path / "x.sqlite-wal"
    secret.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    secret.chmod(0)
    before = set(os.listdir(f"/proc/{os.getpid()}/fd"))
    info = QFileInfo(str(secret))
    assert not icon_provider().icon(info).isNull()
    assert icon_provider().type(info)
    assert icon_provider().type(QFileInfo(str(tmp_path)))
    assert set(os.listdir(f"/proc/{os.getpid()}/fd")) == before


def test_every_window_file_dialog_goes_through_file_dialogs():
    """A QFileDialog made anywhere else in ui/ would read the files it lists again."""
    offenders = []
    for path in (ROOT / "workload_app" / "ui").rglob("*.py"):
        if path.name == "file_dialogs.py":
            continue
        if re.search(r"\bQFileDialog\b", path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
