"""Issue 30.7: logging out and pressing 取消 on the log-in that follows left the program running
with no window (the window was hidden while asking; closing a hidden window does not end Qt's
loop). The program runs in a process of its own here, as a user starts it, and must end by itself
once the log-in is cancelled."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.ui.test_server_connect import ACCOUNT, PASSWORD, server  # noqa: F401

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QDialog
    from workload_app.services import accounts
    from workload_app.services.demo import DEMO_PASSWORD
    from workload_app.services.session import server_login
    from tests.conftest import open_as_operator
    from workload_app.ui.application import connect_on_start, create_app
    from workload_app.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[3])
    app = create_app()
    target, user = sys.argv[1], sys.argv[2]
    if target.startswith("postgresql://"):
        window = connect_on_start(QSettings(), server_login(target, user=user, password=sys.argv[4]), "zh_CN", auto=True)
    else:
        db = open_as_operator(Path(target))
        accounts.login(db, user, DEMO_PASSWORD)
        window = MainWindow(db, Path(target))
    window.show()

    def cancel():  # 取消 on the log-in dialog once it is up
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(50, cancel)
            return
        print("cancelled:", dialog.windowTitle(), flush=True)
        dialog.reject()

    QTimer.singleShot(500, window.log_out)
    QTimer.singleShot(600, cancel)
    code = app.exec()
    print("ended:", code, "windows shown:", sum(w.isVisible() for w in app.topLevelWidgets()), flush=True)
    """
)


def _run(tmp_path, target: str, user: str, *extra: str) -> subprocess.CompletedProcess:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    args = [sys.executable, str(script), target, user, str(tmp_path / "settings"), *extra]
    try:
        return subprocess.run(args, env=env, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("the program kept running with no window after the log-in was cancelled")


def test_cancelling_the_log_in_after_logging_out_of_a_file_ends_the_program(demo_file, tmp_path):
    import shutil

    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, db)
    done = _run(tmp_path, str(db), "renshi")
    assert done.returncode == 0, done.stderr
    assert "cancelled: 登录" in done.stdout and "ended: 0 windows shown: 0" in done.stdout


def test_cancelling_the_log_in_after_logging_out_of_the_server_ends_the_program(
    tmp_path,
    server,  # noqa: F811
):
    port, database = server
    done = _run(tmp_path, f"postgresql://127.0.0.1:{port}/{database}", ACCOUNT, PASSWORD)
    assert done.returncode == 0, done.stderr
    assert "cancelled: 连接法院服务器" in done.stdout and "ended: 0 windows shown: 0" in done.stdout
