"""Which store the main window is on, and changing it: another database file, the court server
(连接法院服务器), the language (the window is rebuilt on the same store), backup and restore of a
file, logging out. The window's ``db_path`` is its store target: a file's path, or on the court
server a ``ServerLogin`` kept in memory with the session's password, from which every worker opens
its own pooled connection."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from workload_app.services import access
from workload_app.services.session import (
    ServerLogin,
    close_db,
    default_db_path,
    describe,
    is_open,
    open_db,
)
from workload_app.ui import db_errors, file_dialogs

if TYPE_CHECKING:
    from workload_app.ui.main_window import MainWindow


class WindowStore:
    """Part of ``MainWindow`` (its texts are looked up under this class's name, see
    ``MainWindow.tr``)."""

    # -- where the window is
    @property
    def on_server(self) -> bool:
        return isinstance(self.db_path, ServerLogin)

    def store_name(self) -> str:
        """The title's name of the store: the file's name, or the server's address (no account,
        no password)."""
        if isinstance(self.db_path, ServerLogin):
            return f"{self.db_path.host}:{self.db_path.port}/{self.db_path.database}"
        return self.db_path.name

    def store_address(self) -> str:
        """The status bar's and 关于's: the file's path, or ``postgresql://account@host:port/db``."""
        return describe(self.db_path)

    def _successor(self, db, target) -> MainWindow:
        """A window on ``db`` in this one's place; views and menus follow the (new) user's role."""
        successor = type(self)(db, target, self.lang)
        successor.take_place_of(self)
        type(self)._open_windows.append(successor)
        successor.show()
        return successor

    def take_place_of(self, other) -> None:
        """Open where ``other`` was (after a log-in, a restore, a language switch): its size and
        place, maximised if it was, rather than a size of its own."""
        from PySide6.QtCore import Qt

        self.setGeometry(other.normalGeometry() if other.isMaximized() else other.geometry())
        if other.isMaximized():
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMaximized)
        self._fitted = True

    def set_language(self, lang: str) -> MainWindow | None:
        """Switch the language at once: the translators (Qt's own dialogs too) are replaced and the
        window is rebuilt in its place, on the same database, user, period and view."""
        from PySide6.QtWidgets import QApplication

        from workload_app.ui.application import install_translators

        self.settings.setValue("language", lang)
        if lang == self.lang:
            return None
        self.tasks.wait(30_000)
        install_translators(QApplication.instance(), lang)
        successor = type(self)(self.db, self.db_path, lang)
        successor.year_box.setCurrentIndex(self.year_box.currentIndex())
        successor.month_box.setCurrentIndex(self.month_box.currentIndex())
        successor.take_place_of(self)
        type(self)._open_windows.append(successor)
        successor.show()
        successor.nav.setCurrentRow(self.nav.currentRow())
        self.close()
        return successor

    def open_database(self) -> None:
        folder = default_db_path().parent if self.on_server else self.db_path.parent
        start = str(file_dialogs.last_folder(self.user, folder))
        name = file_dialogs.save_file_name(
            self,
            self.tr("打开或新建数据库"),
            start,
            self.tr("数据库 (*.sqlite *.db)"),
            confirm_overwrite=False,
        )
        if name:
            self.switch_database(Path(name))

    def switch_database(self, path: Path) -> None:
        try:
            db = open_db(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            QMessageBox.warning(self, self.tr("无法打开数据库"), db_errors.text(exc, path))
            return

        from workload_app.ui.application import log_in

        if not log_in(db, self):  # another database, its own accounts
            close_db(db)
            return
        self.settings.setValue("last_database", str(path))
        file_dialogs.remember_folder(self.user, path.parent)
        self.settings.setValue("last_store", "file")
        self._successor(db, path)
        self.close()
        close_db(self.db)

    def connect_server(self, initial: ServerLogin | None = None) -> QDialog:
        """连接法院服务器…: the dialog (the last server filled in); connected, the window switches
        to the server. A failure is shown in the dialog and this window stays on its store."""
        from workload_app.ui.dialogs.server import ConnectServerDialog

        dialog = ConnectServerDialog(self, self.settings, initial)
        dialog.accepted.connect(lambda: self.switch_to_server(dialog))
        self.connect_dialog = dialog
        dialog.open()
        return dialog

    def change_start_choice(self) -> QDialog:
        """设置 → 使用方式…: the start screen again; the choice is remembered and the window goes
        there (连接法院服务器: the connect dialog; 本机单独使用: the last file, else the default one)."""
        from workload_app.ui.dialogs.start import StartDialog

        dialog = StartDialog(self, self.settings, cancel=True)
        dialog.accepted.connect(lambda: self.start_chosen(dialog.choice))
        self.start_dialog = dialog
        dialog.open()
        return dialog

    def start_chosen(self, choice: str) -> None:
        from workload_app.ui.dialogs.start import SERVER, remember

        remember(self.settings, choice)
        if choice == SERVER:
            if not self.on_server:
                self.connect_server()
            return
        if self.on_server:
            last = str(self.settings.value("last_database", "") or "")
            self.switch_database(Path(last) if last else default_db_path())

    def switch_to_server(self, dialog) -> MainWindow | None:
        from workload_app.ui.dialogs.login import ChangePasswordDialog

        db, login = dialog.db, dialog.login
        if dialog.must_change and not ChangePasswordDialog(db, required=True).exec():
            close_db(db)
            return None
        self.settings.setValue("last_store", "server")
        successor = self._successor(db, login)
        self.tasks.wait(30_000)
        self.close()
        close_db(self.db)
        return successor

    def backup_now(self) -> None:
        from workload_app.services.maintenance import backup_now

        if self.on_server:  # the menu entry is disabled there: IT backs the server up (pg_dump)
            return
        try:
            path = backup_now(self.db)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            QMessageBox.warning(self, self.tr("未备份"), db_errors.text(exc, self.db_path))
            return
        QMessageBox.information(self, self.tr("已备份"), self.tr("数据库已备份到\n{p}").format(p=path))

    def restore_backup(self, source: Path | None = None) -> MainWindow | None:
        """从备份恢复 (管理员): the same checks as ``workload restore`` (integrity, our schema, not
        newer); the replaced database is kept aside first. The window reopens on the restored data."""
        from workload_app.services import maintenance

        if self.on_server:  # disabled there, as backing up
            return None
        from workload_app.ui.dialogs.restore import RestoreDialog, lost_text

        if source is None:
            dialog = RestoreDialog(self, maintenance.backup_choices(self.db))
            self.restore_dialog = dialog
            if not dialog.exec() or dialog.chosen is None:
                return None
            source = dialog.chosen
        info = maintenance.describe_backup(self.db, source)
        answer = QMessageBox.question(
            self,
            self.tr("从备份恢复"),
            self.tr(
                "用「{f}」（{t}）替换当前数据库？\n{lost}\n\n替换前的数据库会先保存为备份。其他电脑或窗口上打开的同一数据库须先关闭。"
            ).format(f=source.name, t=info.taken_at[:16], lost=lost_text(info)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        self.tasks.wait(30_000)  # nothing may still read the file being replaced
        try:
            restored, aside = maintenance.restore(self.db, source)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the database is left as it was
            if not is_open(self.db):  # closed by a failed restore: reopen as it was
                self.db = open_db(self.db_path)
                access.bind(self.db, self.user)
            QMessageBox.warning(self, self.tr("未恢复"), db_errors.text(exc))
            return None
        QMessageBox.information(
            self,
            self.tr("已恢复"),
            self.tr("数据库已从「{f}」恢复。\n替换前的数据库保存在\n{a}").format(f=source.name, a=aside),
        )
        successor = self._successor(restored, self.db_path)
        self.close()
        return successor

    def log_out(self) -> MainWindow | None:
        """注销: end this session and ask for an account again; cancelled, the window closes."""
        from workload_app.services import accounts
        from workload_app.ui import application

        self.tasks.wait(30_000)
        accounts.logout(self.db)
        self.hide()
        if self.on_server:  # the server's login is the account: log in again by connecting
            return self._log_in_to_server_again()
        if not application.log_in(self.db):
            self._leave()
            return None
        successor = self._successor(self.db, self.db_path)  # views follow the new user's role
        self.close()
        return successor

    def _leave(self) -> None:
        """Log-in cancelled after logging out: the window, hidden while asking, closes, and with
        nothing else on screen the program ends. (Closing a hidden window does not count as the
        last window closed, so the program used to stay running with no window at all.)"""
        from PySide6.QtWidgets import QApplication

        self.close()
        if not any(w.isVisible() for w in QApplication.topLevelWidgets()):
            QApplication.quit()

    def _log_in_to_server_again(self) -> MainWindow | None:
        from workload_app.ui.dialogs.server import ConnectServerDialog

        dialog = ConnectServerDialog(self, self.settings, self.db_path.with_password(""))
        if not dialog.exec():
            self._leave()
            close_db(self.db)
            return None
        if dialog.must_change:
            from workload_app.ui.dialogs.login import ChangePasswordDialog

            if not ChangePasswordDialog(dialog.db, required=True).exec():
                close_db(dialog.db)
                self._leave()
                close_db(self.db)
                return None
        successor = self._successor(dialog.db, dialog.login)
        self.close()
        close_db(self.db)
        return successor
