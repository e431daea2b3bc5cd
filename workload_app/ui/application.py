"""Start the Qt application: translators before any widget, settings, the database, the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QSettings, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from workload_app import __version__
from workload_app.core.problems import WorkloadError
from workload_app.services.session import (
    close_db,
    default_db_path,
    is_server_address,
    open_db,
    refuse_local_operator,
    server_login,
)
from workload_app.ui import db_errors
from workload_app.ui.i18n import set_language

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
_translators: list[QTranslator] = []  # Qt drops a translator that is garbage-collected


def resources_dir() -> Path:
    import sys

    bundled = Path(getattr(sys, "_MEIPASS", "")) / "resources"
    return bundled if bundled.exists() else RESOURCES


def display_name() -> str:
    """The program's name in the window's language: the system adds it to every window title."""
    return QApplication.translate("labels", "法官工作量计算器")


def install_translators(app: QApplication, lang: str) -> None:
    _install(app, lang)
    app.setApplicationDisplayName(display_name())


def _install(app: QApplication, lang: str) -> None:
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    set_language(lang)
    if lang == "en":
        t = QTranslator()
        if t.load(str(resources_dir() / "i18n" / "workload_en.qm")):
            app.installTranslator(t)
            _translators.append(t)
        return
    for folder in qt_translation_dirs():  # Qt's own dialogs (file, print, message boxes) in Chinese
        qt = QTranslator()
        if qt.load(str(folder / "qtbase_zh_CN.qm")):
            app.installTranslator(qt)
            _translators.append(qt)
            return


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own translations may be: Qt's translations path, PySide6's translations folder
    (the wheel ships qtbase_zh_CN.qm there), the bundle's resources/translations."""
    import PySide6

    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).resolve().parent / "Qt" / "translations",
        resources_dir() / "translations",
    ]


def _cjk_font(app: QApplication) -> None:
    for family in ("Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "SimHei", "PingFang SC"):
        if family in QFontDatabase.families():
            font = QFont(family, 10)
            app.setFont(font)
            return


def create_app() -> QApplication:
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("workload-app")
    app.setOrganizationName("workload-app")
    app.setApplicationDisplayName(display_name())
    app.setApplicationVersion(__version__)
    icon = resources_dir() / "icons" / "app.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    _cjk_font(app)
    from workload_app.ui.dialog_titles import install

    install(app)  # every dialog as wide as its whole title
    return app


def log_in(db, parent=None, user: str | None = None) -> bool:
    """Ask for an account when the database has any (``user``: the login name filled in, as
    ``--user`` gives it); a first-time password is changed at once.
    False when the user gave up. A database without accounts opens as the local operator, except
    on a PC set up for the court server (``refuse_local_operator``): there it is refused with a
    message, and False."""
    from workload_app.services import accounts
    from workload_app.ui.dialogs.login import ChangePasswordDialog, LoginDialog
    from workload_app.ui.dialogs.start import set_up_for_server

    if not accounts.has_accounts(db):
        try:
            refuse_local_operator(db, set_up_for_server(QSettings()))
        except WorkloadError as exc:
            QMessageBox.warning(
                parent, QApplication.translate("labels", "无法打开数据库"), db_errors.text(exc)
            )
            return False
        accounts.access.bind_local_operator(db)
        return True
    dialog = LoginDialog(db)
    if user:
        dialog.login.setText(user)
        dialog.password.setFocus()
    if not dialog.exec():
        return False
    if dialog.must_change and not ChangePasswordDialog(db, required=True).exec():
        return False
    return True


def connect_on_start(settings: QSettings, initial, lang: str, *, auto: bool = False):
    """The 连接法院服务器 dialog before any window (``workload-app --db URL``, or the server used
    last time); connected, the main window on the server, else None."""
    from workload_app.ui.dialogs.login import ChangePasswordDialog
    from workload_app.ui.dialogs.server import ConnectServerDialog
    from workload_app.ui.main_window import MainWindow

    dialog = ConnectServerDialog(None, settings, initial)
    if auto:  # the password came with the command ($WORKLOAD_PASSWORD): connect at once
        QTimer.singleShot(0, dialog.start)
    if not dialog.exec():
        return None
    if dialog.must_change and not ChangePasswordDialog(dialog.db, required=True).exec():
        return None
    settings.setValue("last_store", "server")
    return MainWindow(dialog.db, dialog.login, lang)


def isolate_settings() -> None:
    """``$WORKLOAD_SETTINGS_DIR``: the window's settings (QSettings) as INI files in that folder
    instead of the user's registry or ~/.config: for tests and for trying the program without
    touching one's own settings."""
    import os

    folder = os.environ.get("WORKLOAD_SETTINGS_DIR", "").strip()
    if folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


def run(db_path: Path | str | None, lang: str | None, smoke: bool = False, user: str | None = None) -> int:
    """The window on the store asked for: ``--db`` (a file or the court server, also
    $WORKLOAD_DB), else as chosen before, else the start screen asks (本机单独使用 /
    连接法院服务器). ``--smoke`` never waits for a dialog."""
    import os

    isolate_settings()
    app = create_app()
    settings = QSettings()
    lang = lang or str(settings.value("language", "zh_CN"))
    install_translators(app, lang)
    from workload_app.ui.dialogs.server import suggested_server
    from workload_app.ui.dialogs.start import SERVER, remembered_choice

    if db_path is None and os.environ.get("WORKLOAD_DB", ""):
        db_path = os.environ["WORKLOAD_DB"]  # $WORKLOAD_DB names the file or the court server
    if db_path is not None and is_server_address(str(db_path)):
        try:
            server = server_login(str(db_path), user=user, password=os.environ.get("WORKLOAD_PASSWORD"))
        except ValueError:
            title = QApplication.translate("labels", "无法打开数据库")
            QMessageBox.critical(
                None, title, QApplication.translate("labels", "不是法院服务器的地址：") + str(db_path)
            )
            return 2
        if smoke:
            return _smoke_on_server(app, server, lang)
        window = connect_on_start(settings, server, lang, auto=bool(server.password and server.user))
        if window is None:  # the server was asked for: no file instead
            return 0
        return _show(app, window, smoke)
    if db_path is not None or smoke:
        return _open_file(
            app, settings, Path(db_path) if db_path is not None else None, lang, smoke, user=user
        )
    choice = remembered_choice(settings)
    problem, chosen_file = "", None
    while True:
        if choice is None:
            choice, chosen_file = _ask_start(settings, problem)
            if choice is None:
                return 0
        if choice == SERVER:
            window = connect_on_start(settings, suggested_server(settings), lang)
            if window is not None:
                return _show(app, window, smoke)
            choice, problem = None, ""  # 取消: back to the start screen, which may say 本机
            continue
        status = _open_file(app, settings, chosen_file, lang, smoke, chosen=True, user=user)
        if isinstance(status, int):
            return status
        choice, problem = None, status  # why the file was not opened, on the start screen


def _ask_start(settings: QSettings, problem: str = "") -> tuple[str | None, Path | None]:
    """The start screen: the choice (``file``/``server``, None when the user quit) and the file
    chosen with 打开其他数据库文件… (None: the last or the default one)."""
    from workload_app.ui.dialogs.start import StartDialog

    dialog = StartDialog(None, settings)
    if problem:
        dialog.show_problem(problem)
    return (dialog.choice, dialog.path) if dialog.exec() else (None, None)


def _open_file(
    app,
    settings: QSettings,
    db_path: Path | None,
    lang: str,
    smoke: bool,
    chosen: bool = False,
    user: str | None = None,
):
    """The window on a database file: ``db_path``, else the last one, else the default one; the
    program's exit status. After the start screen (``chosen``) a file that cannot be opened, or is
    refused on a PC set up for the court server, gives the reason as text instead (ask again)."""
    from workload_app.ui.dialogs.start import set_up_for_server
    from workload_app.ui.main_window import MainWindow

    path = db_path or Path(str(settings.value("last_database", "") or ""))
    if str(path) in ("", "."):
        path = default_db_path()
    try:
        db = open_db(path)
    except WorkloadError as exc:
        if chosen:
            return db_errors.text(exc)
        title = QApplication.translate("labels", "无法打开数据库")
        QMessageBox.critical(None, title, db_errors.text(exc))
        if Path(path) == default_db_path():
            return 1
        db, path = open_db(default_db_path()), default_db_path()
    if chosen and not smoke:
        try:
            refuse_local_operator(db, set_up_for_server(settings))
        except WorkloadError as exc:
            close_db(db)
            return exc.render(db_errors.language())
    if smoke:  # the smoke test opens the file as the person at this computer
        from workload_app.services import access

        access.bind_local_operator(db)
    elif not log_in(db, user=user):
        close_db(db)
        return 0
    if chosen:
        settings.setValue("last_store", "file")
    return _show(app, MainWindow(db, Path(path), lang), smoke)


def _smoke_on_server(app, server, lang: str) -> int:
    """--smoke on a server: connect without a dialog ($WORKLOAD_PASSWORD)."""
    from workload_app.services.session import open_store
    from workload_app.ui.main_window import MainWindow

    try:
        db, _ = open_store(server)
    except WorkloadError as exc:
        print(f"smoke: {exc}", flush=True)
        return 1
    return _show(app, MainWindow(db, server, lang), smoke=True)


def _show(app: QApplication, window, smoke: bool) -> int:
    window.show()
    if smoke:
        return _smoke(app, window)
    return app.exec()


SMOKE_LIMIT_MS = 120_000  # a smoke run that has not reported by then has hung: it fails


def _smoke(app: QApplication, window) -> int:
    """The installation check: the window is up, say so and leave (0; 1 when it is not shown).
    An exception in any slot meanwhile ends the run with 1 and its traceback instead of leaving a
    program that never exits; the line printed cannot fail on a console without Chinese."""
    import sys
    import traceback

    from workload_app.self_test import say

    failures: list[str] = []
    previous_hook = sys.excepthook

    def fail(kind, exc, tb) -> None:
        failures.append("".join(traceback.format_exception(kind, exc, tb)))
        app.exit(1)

    def report() -> None:
        shown = window.isVisible() and window.nav.count() > 0
        say(f"smoke: main window {'shown' if shown else 'NOT shown'} ({window.windowTitle()})")
        app.exit(0 if shown else 1)

    def too_long() -> None:
        failures.append(f"no report within {SMOKE_LIMIT_MS // 1000} s")
        app.exit(1)

    sys.excepthook = fail
    timers = []
    for delay, slot in ((300, report), (SMOKE_LIMIT_MS, too_long)):
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        timer.start(delay)
        timers.append(timer)
    try:
        status = app.exec()
    finally:
        sys.excepthook = previous_hook
        for timer in timers:  # none left to end a later event loop (the program, in tests, goes on)
            timer.stop()
    for failure in failures:
        say(f"smoke: FAILED: {failure}")
    return 1 if failures else status
