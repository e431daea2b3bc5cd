"""Issue 30.8: the window opened 1280×768 on a 1366×768 screen, the status bar (database,
parameter version) under the taskbar until maximised, again after each log-in. On an office
screen it now opens maximised (the system keeps a maximised window above the taskbar), and the
window after a log-in, a restore or a language switch takes the place of the one before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from workload_app.services import accounts
    from workload_app.services.demo import DEMO_PASSWORD
    from tests.conftest import open_as_operator
    from workload_app.ui.application import create_app
    from workload_app.ui.dialogs.login import LoginDialog
    from workload_app.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
    app = create_app()
    db = open_as_operator(Path(sys.argv[1]))
    accounts.login(db, "renshi", DEMO_PASSWORD)
    out = {}

    def measure(w):
        app.processEvents()
        bar = w.statusBar()
        frame = w.frameGeometry()
        return {
            "maximised": w.isMaximized(),
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "status_bottom": bar.mapToGlobal(bar.rect().bottomLeft()).y(),
            "status_visible": bar.isVisible() and w.status_db.isVisible(),
            "user": w.user.login,
        }

    def log_in_as_judge():  # the user types into the log-in dialog after 注销
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(50, log_in_as_judge)
            return
        dialog.login.setText("faguan")
        dialog.password.setText(DEMO_PASSWORD)
        dialog.try_login()

    first = MainWindow(db, Path(sys.argv[1]))
    first.show()
    out["first"] = measure(first)
    QTimer.singleShot(0, log_in_as_judge)
    second = first.log_out()
    out["after_login"] = measure(second)
    second.showNormal()  # the user leaves the maximised state: the window still fits the screen
    out["normal"] = measure(second)
    second.tasks.wait(60000)
    print(json.dumps(out))
    """
)


def test_the_window_fits_an_office_screen_after_each_log_in(demo_file, tmp_path):
    import shutil

    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, db)
    config = tmp_path / "screen.json"
    screen = {"name": "office", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [screen]}), encoding="utf-8")
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(script), str(db), str(tmp_path / "settings")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["first"]["user"] == "renshi" and out["after_login"]["user"] == "faguan"
    for when in ("first", "after_login", "normal"):
        seen = out[when]
        x, y, width, height = seen["frame"]
        assert x >= 0 and y >= 0 and x + width <= 1366 and y + height <= 768, (when, seen)
        assert seen["status_visible"] and seen["status_bottom"] < 768, (when, seen)
    assert out["first"]["maximised"] and out["after_login"]["maximised"]
    assert not out["normal"]["maximised"]
