"""The main window's menus and the actions behind them that open a dialog or start a task (import,
roster, import history, recompute, court settings, password, manual, about); dropping an export
on the window opens the import wizard. Opening another store, backup and restore, logging out and
the language are in ``window_store``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from workload_app import __version__
from workload_app.services import access
from workload_app.services.changes import Changes
from workload_app.services.session import describe
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.i18n import label, user_name


class WindowMenus:
    """Part of ``MainWindow`` (its texts are looked up under this class's name, see
    ``MainWindow.tr``)."""

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        import_action = QAction(self.tr("导入结案数据…"), self)
        import_action.setShortcut(QKeySequence("Ctrl+O"))
        import_action.triggered.connect(self.import_cases)
        file_menu.addAction(import_action)
        roster_action = QAction(self.tr("导入法官名册…"), self)
        roster_action.triggered.connect(self.import_roster)
        file_menu.addAction(roster_action)
        history_action = QAction(self.tr("导入历史与撤销…"), self)
        history_action.triggered.connect(self.import_history)
        file_menu.addAction(history_action)
        file_menu.addSeparator()
        sheets_action = QAction(self.tr("报表…"), self)
        sheets_action.setShortcut(QKeySequence("Ctrl+P"))
        sheets_action.triggered.connect(lambda: self.show_view(self.sheets_view))
        file_menu.addAction(sheets_action)
        find_action = QAction(self.tr("查找案件"), self)
        find_action.setShortcut(QKeySequence("Ctrl+F"))
        find_action.triggered.connect(self.find_case)
        file_menu.addAction(find_action)
        recompute_action = QAction(self.tr("重新计算本年度标准案件"), self)
        recompute_action.triggered.connect(self.recompute)
        file_menu.addAction(recompute_action)
        file_menu.addSeparator()
        open_action = QAction(self.tr("打开数据库…"), self)
        open_action.triggered.connect(self.open_database)
        file_menu.addAction(open_action)
        connect_action = QAction(self.tr("连接法院服务器…"), self)
        connect_action.triggered.connect(lambda: self.connect_server())
        file_menu.addAction(connect_action)
        self.connect_action = connect_action
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        scope = self.scope
        for action, needs in (
            (import_action, access.Action.IMPORT_CASES),
            (roster_action, access.Action.IMPORT_ROSTER),
            (history_action, access.Action.IMPORT_HISTORY),
            (recompute_action, access.Action.RECOMPUTE),
        ):
            action.setEnabled(scope.allows(needs))
        self.setAcceptDrops(
            scope.allows(access.Action.IMPORT_CASES)
        )  # an export dropped on the window opens the import wizard
        account_menu = self.menuBar().addMenu(self.tr("账户(&A)"))
        who = QAction(
            self.tr("当前用户：{n}（{r}）").format(n=user_name(self.user), r=label(self.user.role_label)),
            self,
        )
        who.setEnabled(False)
        account_menu.addAction(who)
        password_action = QAction(self.tr("修改密码…"), self)
        password_action.setEnabled(self.user.id is not None)
        password_action.triggered.connect(self.change_password)
        account_menu.addAction(password_action)
        if scope.allows(access.Action.BACKUP):
            backup_action = QAction(self.tr("立即备份数据库…"), self)
            backup_action.triggered.connect(self.backup_now)
            account_menu.addAction(backup_action)
            restore_action = QAction(self.tr("从备份恢复…"), self)
            restore_action.triggered.connect(lambda: self.restore_backup())
            account_menu.addAction(restore_action)
            if self.on_server:  # a file's actions: the server is backed up by IT (pg_dump)
                for action in (backup_action, restore_action):
                    action.setEnabled(False)
                    action.setToolTip(self.tr("连接法院服务器时不可用：服务器由信息技术人员备份和恢复。"))
                account_menu.setToolTipsVisible(True)
            self.backup_action, self.restore_action = backup_action, restore_action
        account_menu.addSeparator()
        logout_action = QAction(self.tr("注销"), self)
        logout_action.setEnabled(self.user.id is not None)  # the local operator has no session
        logout_action.triggered.connect(self.log_out)
        account_menu.addAction(logout_action)
        self.account_menu = account_menu
        settings_menu = self.menuBar().addMenu(self.tr("设置(&S)"))
        for code, language in (("zh_CN", "中文"), ("en", "English")):
            action = QAction(language, self, checkable=True)
            action.setChecked(self.lang == code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            settings_menu.addAction(action)
        settings_menu.addSeparator()
        start_action = QAction(self.tr("使用方式…"), self)  # the start screen's choice, changed later
        start_action.triggered.connect(lambda: self.change_start_choice())
        settings_menu.addAction(start_action)
        self.start_action = start_action
        court_action = QAction(self.tr("法院设置…"), self)
        court_action.triggered.connect(self.court_settings)
        settings_menu.addAction(court_action)
        self.court_action = court_action
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        manual_action = QAction(self.tr("使用手册"), self)
        manual_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        manual_action.triggered.connect(self.show_manual)
        help_menu.addAction(manual_action)
        self.manual_action = manual_action
        about = QAction(self.tr("关于"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        self.file_menu = file_menu

    IMPORTABLE = (".xlsx", ".xls", ".csv")

    def _dropped_file(self, event) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        path = Path(urls[0].toLocalFile()) if urls else None
        return path if path is not None and path.suffix.lower() in self.IMPORTABLE else None

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.import_cases(path)

    def import_cases(self, path: Path | None = None) -> None:
        from workload_app.ui.dialogs.import_wizard import ImportWizard

        ImportWizard(self, path).exec()

    def import_history(self) -> None:
        from workload_app.ui.dialogs.import_wizard import ImportHistoryDialog

        ImportHistoryDialog(self).exec()

    def import_roster(self) -> None:
        from workload_app.services.imports import import_judges

        name = file_dialogs.open_file_name(
            self,
            self.tr("导入法官名册"),
            str(file_dialogs.last_folder(self.user)),
            self.tr("名册 (*.xlsx *.xls *.csv)"),
        )
        if not name:
            return
        path = Path(name)
        file_dialogs.remember_folder(self.user, path.parent)

        def rejected(exc: BaseException, confirmed: bool = False) -> None:
            details = "\n".join(p.render(db_errors.language()) for p in getattr(exc, "problems", [])[:50])
            if getattr(exc, "code", "") == "import.roster_similar_names" and not confirmed:
                answer = QMessageBox.question(
                    self,
                    self.tr("相似姓名"),
                    f"{db_errors.text(exc)}\n\n{details}\n\n"
                    + self.tr("确认这些姓名是不同的法官，并导入名册？"),
                )
                if answer == QMessageBox.StandardButton.Yes:
                    run(confirm_similar=True)
                return
            QMessageBox.warning(self, self.tr("名册未导入"), f"{db_errors.text(exc)}\n\n{details}".strip())

        def imported(changes: Changes) -> None:
            c = changes.summary
            QMessageBox.information(
                self,
                self.tr("名册已导入"),
                self.tr("新增 {n}，更新 {u}，未变 {s}").format(n=c.new, u=c.updated, s=c.unchanged),
            )
            self.apply_changes(changes)

        def run(confirm_similar: bool = False) -> None:
            self.tasks.run(  # reading the file and writing the roster: on the worker, not the window
                lambda db, _progress: import_judges(db, path, confirm_similar=confirm_similar),
                parent=self,
                label=self.tr("正在导入法官名册"),
                on_done=imported,
                on_failed=lambda exc: rejected(exc, confirmed=confirm_similar),
            )

        run()

    def court_settings(self) -> QDialog:
        """The court's name and notice 文号 (管理员 edits; others read them)."""
        from workload_app.ui.dialogs.court import CourtSettingsDialog

        dialog = CourtSettingsDialog(self)
        self.court_dialog = dialog
        dialog.open()
        return dialog

    def find_case(self) -> None:
        self.show_view(self.cases_view)
        self.cases_view.focus_search()

    def recompute(self) -> None:
        from workload_app.services.standard_cases import compute_year

        year = self.year()

        def done(changes: Changes) -> None:
            self.apply_changes(changes)
            # the year, the version, the cases, and how many closed cases are credited to nobody and why
            text = changes.summary.text(db_errors.language())
            self.statusBar().showMessage(text.splitlines()[0] if text else "", 15_000)
            QMessageBox.information(self, self.tr("重新计算完成"), text)

        self.tasks.run(
            lambda db, progress: compute_year(db, year, progress),
            parent=self,
            label=self.tr("正在计算 {y} 年度标准案件").format(y=year),
            on_done=done,
        )

    def change_password(self) -> None:
        from workload_app.ui.dialogs.login import ChangePasswordDialog

        if ChangePasswordDialog(self.db, parent=self).exec():
            QMessageBox.information(self, self.tr("修改密码"), self.tr("密码已修改。"))

    def show_manual(self) -> QDialog:
        """F1: the short manual in the window's language, shipped in resources/manual (also in the
        bundle): manual_zh.md, manual_en.md."""
        from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser, QVBoxLayout

        from workload_app.ui.application import resources_dir

        path = resources_dir() / "manual" / ("manual_en.md" if self.lang == "en" else "manual_zh.md")
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("使用手册"))
        browser = QTextBrowser()
        browser.setOpenExternalLinks(True)
        try:
            browser.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError:
            browser.setPlainText(self.tr("找不到使用手册：{p}").format(p=path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        area = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        dialog.resize(min(820, area.width() - 40), min(700, area.height() - 60))
        self.manual = dialog
        dialog.show()
        return dialog

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("法官工作量计算器 {v}\n\n数据库：{p}").format(v=__version__, p=describe(self.db_path)),
        )
