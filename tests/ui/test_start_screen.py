"""Issue 30.6, first start: the start screen (本机单独使用 / 连接法院服务器) the first time the window
opens for a user, remembered; the server prefilled from the court's settings file; changed later in
设置 → 使用方式…; no 管理员 for a file without accounts on a PC set up for the court server; and the
demo's ``--db`` (``make run``) opens straight away. The real ``application.run`` is driven: a
robot clicks the dialogs as they come up."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workload_app.services import accounts
from workload_app.services.demo import DEMO_PASSWORD
from workload_app.services.session import close_db, open_db
from workload_app.ui import application
from workload_app.ui.dialogs.login import LoginDialog
from workload_app.ui.dialogs.server import ConnectServerDialog
from workload_app.ui.dialogs.start import StartDialog
from workload_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

COURT_INI = """\ufeff; 法院设置文件
[server]
host = court-db.example.cn
port = 6543
database = court_workload
sslmode = verify-full
"""
REFUSED = (
    "本机已设置为使用法院服务器（court-db.example.cn:6543/court_workload）。没有账户的本机数据库文件在这里"
    "不会以管理员身份打开：请连接法院服务器；本机单独使用须打开有账户的数据库文件，以账户登录。"
)


def address(widget) -> int:
    """The widget's C++ address: unlike a Python id, not reused while the widget exists."""
    return shiboken6.getCppPointer(widget)[0]


@pytest.fixture
def pc(tmp_path, monkeypatch):
    """A fresh PC profile: settings, data folder and (when written) the court's file in tmp_path."""
    settings_dir = tmp_path / "settings"
    monkeypatch.setenv("WORKLOAD_SETTINGS_DIR", str(settings_dir))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("WORKLOAD_DB", raising=False)
    monkeypatch.delenv("WORKLOAD_PASSWORD", raising=False)
    monkeypatch.setenv("WORKLOAD_INI", str(tmp_path / "workload.ini"))
    application.isolate_settings()
    application.create_app()
    shown: list[str] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda *a, **k: shown.append(a[2])))
    QSettings().clear()
    before = {address(w) for w in QApplication.topLevelWidgets()}
    opened = len(MainWindow._open_windows)
    yield tmp_path, shown
    mine = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and address(w) not in before
    ]
    for w in mine + MainWindow._open_windows[opened:]:
        if shiboken6.isValid(w):
            w.tasks.wait(30_000)
            w.close()
            close_db(w.db)
    del MainWindow._open_windows[opened:]


def court_file(tmp_path: Path) -> Path:
    path = tmp_path / "workload.ini"
    path.write_text(COURT_INI, encoding="utf-8")
    return path


class Robot:
    """Acts on each dialog or window as it comes up: ``steps`` are (class, action) in order; a
    window on screen that no step expects is recorded and closed, so ``run`` always returns."""

    def __init__(self, steps: list[tuple[type, Callable]]) -> None:
        self.steps = list(steps)
        self.earlier = {address(w) for w in QApplication.topLevelWidgets()}  # other tests' windows
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(40)

    def tick(self) -> None:
        for w in QApplication.topLevelWidgets():
            if address(w) in self.earlier or not w.isVisible() or getattr(w, "_robot_done", False):
                continue
            if self.steps and isinstance(w, self.steps[0][0]):
                kind, act = self.steps.pop(0)
                w._robot_done = True
                self.seen.append(kind.__name__)
                act(w)
                if isinstance(w, MainWindow):
                    self.leave()
                return
            if isinstance(w, (StartDialog, ConnectServerDialog, LoginDialog, MainWindow)):
                w._robot_done = True
                self.seen.append(f"unexpected {type(w).__name__}")
                if isinstance(w, MainWindow):
                    w.close()
                    self.leave()
                else:
                    w.reject()
                return

    @staticmethod
    def leave() -> None:
        """The program's event loop ends with its window (windows other tests left open would
        keep it running: closing the last window is what ends it for a user)."""
        QTimer.singleShot(0, lambda: QApplication.instance().exit(0))

    def stop(self) -> None:
        self.timer.stop()


def settle() -> None:
    """Deliver what earlier tests left posted (a quit from a window that closed the program) while
    no event loop runs, where it does nothing, instead of to the next dialog's loop."""
    QApplication.sendPostedEvents()
    QApplication.processEvents()


def run_app(steps, db=None) -> tuple[int, Robot]:
    settle()
    robot = Robot(steps)
    try:
        status = application.run(db, "zh_CN")
    finally:
        robot.stop()
    return status, robot


def test_first_start_asks_and_remembers_local_use(pc, demo_file):
    tmp_path, shown = pc
    windows = []

    def keep(w):
        windows.append((w.user.role, w.user.id, w.db_path))
        w.close()

    status, robot = run_app([(StartDialog, lambda d: d.local_button.click()), (MainWindow, keep)])
    assert status == 0 and robot.seen == ["StartDialog", "MainWindow"]
    assert windows == [("admin", None, tmp_path / "data" / "workload-app" / "workload.sqlite")]
    assert QSettings().value("last_store") == "file"  # remembered: the next start asks nothing
    status, robot = run_app([(MainWindow, lambda w: w.close())])
    assert status == 0 and robot.seen == ["MainWindow"]
    assert shown == []


def test_the_court_file_prefills_the_server_and_cancel_goes_back_to_the_start_screen(pc):
    tmp_path, _ = pc
    path = court_file(tmp_path)
    seen = {}

    def start(d: StartDialog):
        seen["where"] = d.where.text()
        seen["default"] = d.server_button.isDefault()
        d.server_button.click()

    def connect(d: ConnectServerDialog):
        seen["fields"] = (d.host.text(), d.port.value(), d.database.text(), d.account.text(), d.tls)
        seen["tls_note"] = d.tls_note.text()
        d.reject()

    status, robot = run_app(
        [(StartDialog, start), (ConnectServerDialog, connect), (StartDialog, lambda d: d.reject())]
    )
    assert status == 0 and robot.seen == ["StartDialog", "ConnectServerDialog", "StartDialog"]
    assert (
        seen["where"] == f"本院的法院服务器：court-db.example.cn:6543/court_workload（法院设置文件 {path}）"
    )
    assert seen["default"]
    assert seen["fields"] == ("court-db.example.cn", 6543, "court_workload", "", ("verify-full", ""))
    assert seen["tls_note"] == "加密连接（TLS）：sslmode=verify-full"
    assert QSettings().value("last_store") is None  # nothing chosen for good yet: asked again next time


def test_a_file_without_accounts_is_refused_on_a_pc_set_up_for_the_server(pc):
    tmp_path, shown = pc
    court_file(tmp_path)
    messages = []

    def second(d: StartDialog):
        messages.append((d.message.text(), d.message.isVisibleTo(d)))
        d.reject()

    status, robot = run_app([(StartDialog, lambda d: d.local_button.click()), (StartDialog, second)])
    assert status == 0 and robot.seen == ["StartDialog", "StartDialog"]  # no window as 管理员
    assert messages == [(REFUSED, True)]
    assert QSettings().value("last_store") is None
    # the same file named on the command line: refused with the same words, no window
    status, robot = run_app([], db=tmp_path / "data" / "workload-app" / "workload.sqlite")
    assert status == 0 and robot.seen == [] and shown == [REFUSED]


def test_a_file_with_accounts_still_opens_by_logging_in_on_a_server_pc(pc, demo_file):
    tmp_path, _ = pc
    court_file(tmp_path)
    demo = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, demo)
    users = []

    def log_in(d: LoginDialog):
        d.login.setText("faguan")
        d.password.setText(DEMO_PASSWORD)
        d.try_login()

    def window(w: MainWindow):
        users.append((w.user.login, w.user.role))
        w.close()

    status, robot = run_app([(LoginDialog, log_in), (MainWindow, window)], db=demo)
    assert status == 0 and robot.seen == ["LoginDialog", "MainWindow"]
    assert users == [("faguan", "judge")]


def test_the_demo_named_with_db_opens_straight_away_without_the_start_screen(pc, demo_file):
    """``make run``: ``workload-app --db <the demo>`` on a PC that never chose: the log-in of the
    demo, no start screen, and nothing remembered as a choice."""
    tmp_path, _ = pc
    demo = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, demo)

    filled = []

    def log_in(d: LoginDialog):
        filled.append(d.login.text())
        d.password.setText(DEMO_PASSWORD)
        d.try_login()

    users = []

    def window(w: MainWindow):
        users.append(w.user.login)
        w.close()

    settle()
    robot = Robot([(LoginDialog, log_in), (MainWindow, window)])
    try:  # a desktop shortcut's target: workload-app --db FILE --user LOGIN
        status = application.run(demo, "zh_CN", user="renshi")
    finally:
        robot.stop()
    assert status == 0 and robot.seen == ["LoginDialog", "MainWindow"]
    assert filled == ["renshi"] and users == ["renshi"]
    assert QSettings().value("last_store") is None


def test_the_menu_changes_the_choice_and_the_server_choice_refuses_a_file_without_accounts(
    pc, demo_file, qtbot
):
    """设置 → 使用方式…: 连接法院服务器 is remembered and opens the connect dialog; from then on this
    PC is set up for the server, and opening a file without accounts is refused in the window."""
    tmp_path, shown = pc
    demo = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, demo)
    db = open_db(demo)
    accounts.login(db, "admin", DEMO_PASSWORD)
    window = MainWindow(db, demo)
    qtbot.addWidget(window)
    window.show()
    assert window.start_action.text() == "使用方式…"
    window.start_action.trigger()
    dialog = window.start_dialog
    assert dialog.quit_button.text() == "取消"
    qtbot.mouseClick(dialog.server_button, Qt.MouseButton.LeftButton)
    assert QSettings().value("last_store") == "server"
    connect = window.connect_dialog
    assert connect.isVisible()
    connect.reject()
    empty = tmp_path / "empty.sqlite"
    window.switch_database(empty)
    assert shown == [REFUSED.replace("court-db.example.cn:6543/court_workload", "—")]
    assert window.isVisible() and window.db is db  # the window stays where it was
    # back to 本机单独使用 through the menu: the choice is the file again, and the file opens
    window.start_action.trigger()
    qtbot.mouseClick(window.start_dialog.local_button, Qt.MouseButton.LeftButton)
    assert QSettings().value("last_store") == "file"
    window.switch_database(empty)
    assert len(shown) == 1
    successor = MainWindow._open_windows[-1]
    assert successor.db_path == empty and successor.user.role == "admin" and successor.user.id is None


def test_after_a_refusal_another_file_with_accounts_opens_by_logging_in(pc, demo_file, monkeypatch):
    """On a server PC the start screen's 打开其他数据库文件… opens a file with accounts (the demo)."""
    from workload_app.ui import file_dialogs

    tmp_path, _ = pc
    court_file(tmp_path)
    demo = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, demo)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(demo))
    seen = []

    def log_in(d: LoginDialog):
        d.login.setText("faguan")
        d.password.setText(DEMO_PASSWORD)
        d.try_login()

    def window(w: MainWindow):
        seen.append((w.db_path, w.user.login))
        w.close()

    status, robot = run_app(
        [
            (StartDialog, lambda d: d.local_button.click()),
            (StartDialog, lambda d: d.open_button.click()),
            (LoginDialog, log_in),
            (MainWindow, window),
        ]
    )
    assert status == 0 and robot.seen == ["StartDialog", "StartDialog", "LoginDialog", "MainWindow"]
    assert seen == [(demo, "faguan")]
    assert QSettings().value("last_store") == "file" and QSettings().value("last_database") == str(demo)
