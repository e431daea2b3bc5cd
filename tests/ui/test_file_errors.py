"""Read-only, full or damaged database in the window: one clear message in the window's
language, no traceback (issue 14)."""

from __future__ import annotations

import re
import sqlite3

import pytest

pytestmark = pytest.mark.gui
HAN = re.compile(r"[\u4e00-\u9fff]")


def _failure(window, qtbot, error: Exception) -> tuple[str, list]:
    from workload_app.ui.db_errors import text

    got: list[Exception] = []

    def fails(db, progress):
        raise error

    window.tasks.run(fails, parent=window, label="x", on_failed=got.append, show_progress=False)
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    return text(got[0])  # the runner hands over the exception; the window renders it


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (sqlite3.OperationalError("database or disk is full"), "磁盘空间不足"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "是只读的"),
        (sqlite3.DatabaseError("database disk image is malformed"), "已损坏"),
        (OSError(28, "No space left on device"), "磁盘空间不足"),
    ],
)
def test_a_file_problem_in_a_task_is_one_clear_message(window, qtbot, error, says):
    message = _failure(window, qtbot, error)
    assert says in message and str(window.db_path) in message
    assert "Error" not in message and "Traceback" not in message


def test_the_message_is_in_english_in_the_english_window(window, qtbot):
    from PySide6.QtWidgets import QApplication

    from workload_app.ui.application import install_translators

    install_translators(QApplication.instance(), "en")
    try:
        message = _failure(window, qtbot, sqlite3.OperationalError("database or disk is full"))
    finally:
        install_translators(QApplication.instance(), "zh_CN")
    assert message.startswith("The disk is full") and not HAN.search(message.replace(str(window.db_path), ""))
