"""The main window: navigation, year and month selectors every view follows, menus, status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from workload_app import __version__
from workload_app.services import access, info
from workload_app.services.changes import Changes
from workload_app.services.session import close_db, is_open, open_db
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.i18n import label, user_name
from workload_app.ui.tasks import TaskRunner


class MainWindow(QMainWindow):
    _open_windows: list[MainWindow] = []  # keeps a window opened on another database alive

    changed = Signal(object)  # every finished action's Changes, for any view that subscribes

    def __init__(self, db, db_path: Path, lang: str = "zh_CN") -> None:
        super().__init__()
        self.db = db
        self.db_path = db_path
        self.lang = lang
        self.user = access.current(db)
        self.tasks = TaskRunner(db_path, self, user=self.user)
        self.settings = QSettings()

        self.year_box = QComboBox()
        self.month_box = QComboBox()
        for m in range(1, 13):
            self.month_box.addItem(self.tr("截至 {m} 月").format(m=m), m)
        toolbar = QToolBar(self.tr("年度"))
        toolbar.setObjectName("period")
        toolbar.addWidget(QLabel(self.tr(" 年度 ")))
        toolbar.addWidget(self.year_box)
        toolbar.addWidget(QLabel("  "))
        toolbar.addWidget(self.month_box)
        self.addToolBar(toolbar)

        self.nav = QListWidget()
        self.nav.setMaximumWidth(160)
        self.stack = QStackedWidget()
        self.views: list[QWidget] = []
        for title, view in self._make_views():
            self.nav.addItem(title)
            self.stack.addWidget(view)
            self.views.append(view)
        self.nav.currentRowChanged.connect(self._show_view)
        # wide enough for the longest title in either language, no horizontal scroll bar
        nav_width = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 12
        self.nav.setMinimumWidth(nav_width)
        self.nav.setMaximumWidth(max(160, nav_width))
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([nav_width, 1140])
        self.setCentralWidget(splitter)

        self.status_db = QLabel()
        self.status_params = QLabel()
        self.status_counts = QLabel()
        self.statusBar().addWidget(self.status_db, 1)
        self.statusBar().addPermanentWidget(self.status_params)
        self.statusBar().addPermanentWidget(self.status_counts)
        self._make_menus()

        self._fill_years()
        self.year_box.currentIndexChanged.connect(lambda _: (self._update_status(), self.refresh_current()))
        self.month_box.currentIndexChanged.connect(lambda _: self.refresh_current())
        self.nav.setCurrentRow(0)
        self._update_status()
        self.fit_to_screen()

    # -- period
    def year(self) -> int:
        return int(self.year_box.currentData() or 0)

    def month(self) -> int:
        return int(self.month_box.currentData() or 12)

    def _fill_years(self) -> None:
        years = info.years(self.db)
        current = self.year()
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in years:
            self.year_box.addItem(self.tr("{y} 年").format(y=y), y)
        if years:
            self.year_box.setCurrentIndex(years.index(current) if current in years else len(years) - 1)
        self.year_box.blockSignals(False)
        self.month_box.setCurrentIndex(11)

    # -- views
    def _make_views(self) -> list[tuple[str, QWidget]]:
        """The views the logged-in user's role has a use for (the services enforce the limits)."""
        from workload_app.ui.views.audit_log import AuditView
        from workload_app.ui.views.cases import CasesView
        from workload_app.ui.views.my_workload import MyWorkloadView
        from workload_app.ui.views.overview import OverviewView
        from workload_app.ui.views.parameters import ParametersView
        from workload_app.ui.views.people import DivisionsView, JudgesView
        from workload_app.ui.views.quotas import QuotasView
        from workload_app.ui.views.review import ReviewView
        from workload_app.ui.views.sheets import SheetsView
        from workload_app.ui.views.users import UsersView

        role = self.user.role
        court_wide = self.user.court_wide
        self.cases_view = CasesView(self)
        self.sheets_view = SheetsView(self)
        views: list[tuple[str, QWidget]] = []
        if role != access.JUDGE:
            views.append((self.tr("概览"), OverviewView(self)))
        if self.user.judge or role != access.JUDGE:
            self.my_view = MyWorkloadView(self)
            views.append((self.tr("我的工作量") if self.user.judge else self.tr("个人工作量"), self.my_view))
        views.append((self.tr("案件"), self.cases_view))
        from workload_app.ui.views.pending import PendingView

        views.append((self.tr("长期未结"), PendingView(self)))
        if court_wide:  # 人事 and 管理员 decide on held page counts (待复核)
            self.review_view = ReviewView(self)
            views.append((self.tr("待复核"), self.review_view))
        if role != access.JUDGE:
            views += [(self.tr("法官"), JudgesView(self)), (self.tr("部门"), DivisionsView(self))]
        if court_wide:
            views += [(self.tr("参数"), ParametersView(self)), (self.tr("任务"), QuotasView(self))]
        views.append((self.tr("报表"), self.sheets_view))
        from workload_app.ui.views.queries import QueriesView

        self.queries_view = QueriesView(self)  # 对此有疑问: 人事 answers, others see their own
        views.append((self.tr("疑问"), self.queries_view))
        if court_wide:  # 人事 and 管理员 keep the roster (post, dates, moves between divisions)
            from workload_app.ui.views.roster import RosterView

            self.roster_view = RosterView(self)
            views.append((self.tr("名册"), self.roster_view))
        if court_wide:
            views.append((self.tr("日志"), AuditView(self)))
        if role == access.ADMIN:
            views.append((self.tr("用户"), UsersView(self)))
        return views

    def view_titled(self, title: str) -> QWidget:
        """The view behind a navigation entry (by its title), shown."""
        for i in range(self.nav.count()):
            if self.nav.item(i).text() == title:
                self.nav.setCurrentRow(i)
                return self.views[i]
        raise KeyError(title)

    def show_view(self, view: QWidget) -> None:
        self.nav.setCurrentRow(self.views.index(view))

    def _show_view(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        self.refresh_current()

    def refresh_current(self) -> None:
        view = self.stack.currentWidget()
        if view is not None and not self.year() and hasattr(view, "show_empty"):
            view.show_empty()  # nothing imported yet: the view says what to do in the window
            return
        if view is None or not hasattr(view, "refresh") or not self.year():
            return
        try:
            view.refresh()
        except Exception as exc:  # noqa: BLE001 - a view that cannot show its data says why
            QMessageBox.warning(self, self.tr("无法显示"), db_errors.text(exc))

    # The data each view draws from: an action's Changes redraws the views it touches, no others.
    SUBSCRIPTIONS: dict[str, frozenset[str]] = {
        "OverviewView": frozenset({"cases", "results", "params", "plans", "roster"}),
        "MyWorkloadView": frozenset({"cases", "results", "params", "plans", "roster"}),
        "CasesView": frozenset({"cases", "results", "roster"}),
        "PendingView": frozenset({"cases", "roster"}),
        "ReviewView": frozenset({"cases", "results"}),
        "JudgesView": frozenset({"cases", "results", "params", "plans", "roster"}),
        "DivisionsView": frozenset({"cases", "results", "params", "plans", "roster"}),
        "ParametersView": frozenset({"params"}),
        "QuotasView": frozenset({"cases", "params", "plans", "roster"}),
        "SheetsView": frozenset({"cases", "results", "params", "plans", "roster", "settings"}),
        "QueriesView": frozenset({"cases"}),
        "AuditView": frozenset(Changes.FLAGS),  # every action is audited
        "UsersView": frozenset({"accounts", "roster"}),
        "RosterView": frozenset({"roster"}),
    }

    def subscriptions(self, view: QWidget) -> frozenset[str]:
        """The kinds of data ``view`` depends on (every kind for a view not listed)."""
        return self.SUBSCRIPTIONS.get(type(view).__name__, frozenset(Changes.FLAGS))

    def apply_changes(self, changes: Changes) -> None:
        """A user action finished: refresh the period list and the status bar; redraw the visible
        view if the action changed what it shows; tell every other subscriber (``changed``)."""
        if changes.cases or changes.params:
            self._fill_years()
        self._update_status()
        view = self.stack.currentWidget()
        if view is not None and changes.touches(self.subscriptions(view)):
            self.refresh_current()
        self.changed.emit(changes)

    # -- menus
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
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        court_wide = self.user.court_wide
        for action in (import_action, roster_action, history_action, recompute_action):
            action.setEnabled(court_wide)
        self.setAcceptDrops(court_wide)  # an export dropped on the window opens the import wizard
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
        if self.user.role == access.ADMIN:
            backup_action = QAction(self.tr("立即备份数据库…"), self)
            backup_action.triggered.connect(self.backup_now)
            account_menu.addAction(backup_action)
            restore_action = QAction(self.tr("从备份恢复…"), self)
            restore_action.triggered.connect(lambda: self.restore_backup())
            account_menu.addAction(restore_action)
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
            self, self.tr("导入法官名册"), "", self.tr("名册 (*.xlsx *.xls *.csv)")
        )
        if not name:
            return
        path = Path(name)

        def rejected(exc: BaseException) -> None:
            details = "\n".join(p.render() for p in getattr(exc, "problems", [])[:50])
            QMessageBox.warning(self, self.tr("名册未导入"), f"{db_errors.text(exc)}\n\n{details}".strip())

        def imported(changes: Changes) -> None:
            c = changes.summary
            QMessageBox.information(
                self,
                self.tr("名册已导入"),
                self.tr("新增 {n}，更新 {u}，未变 {s}").format(n=c.new, u=c.updated, s=c.unchanged),
            )
            self.apply_changes(changes)

        self.tasks.run(  # reading the file and writing the roster: on the worker, not the window
            lambda db, _progress: import_judges(db, path),
            parent=self,
            label=self.tr("正在导入法官名册"),
            on_done=imported,
            on_failed=rejected,
        )

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
        self.tasks.run(
            lambda db, progress: compute_year(db, year, progress),
            parent=self,
            label=self.tr("正在计算 {y} 年度标准案件").format(y=year),
            on_done=self.apply_changes,
        )

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
        successor = MainWindow(self.db, self.db_path, lang)
        successor.year_box.setCurrentIndex(self.year_box.currentIndex())
        successor.month_box.setCurrentIndex(self.month_box.currentIndex())
        successor.setGeometry(self.geometry())
        successor._fitted = True
        MainWindow._open_windows.append(successor)
        successor.show()
        successor.nav.setCurrentRow(self.nav.currentRow())
        self.close()
        return successor

    def open_database(self) -> None:
        start = str(self.settings.value("last_folder", str(self.db_path.parent)))
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

        if not log_in(db):  # another database, its own accounts
            close_db(db)
            return
        self.settings.setValue("last_database", str(path))
        self.settings.setValue("last_folder", str(path.parent))
        successor = MainWindow(db, path, self.lang)  # views and menus follow the new user's role
        MainWindow._open_windows.append(successor)
        successor.show()
        self.close()
        close_db(self.db)

    def change_password(self) -> None:
        from workload_app.ui.dialogs.login import ChangePasswordDialog

        if ChangePasswordDialog(self.db, parent=self).exec():
            QMessageBox.information(self, self.tr("修改密码"), self.tr("密码已修改。"))

    def backup_now(self) -> None:
        from workload_app.services.maintenance import backup_now

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

        if source is None:
            folders = maintenance.available(self.db)
            start = str(folders[0].parent) if folders else str(self.db_path.parent)
            name = file_dialogs.open_file_name(
                self, self.tr("从备份恢复"), start, self.tr("数据库备份 (*.sqlite *.db *.bak);;所有文件 (*)")
            )
            if not name:
                return None
            source = Path(name)
        answer = QMessageBox.question(
            self,
            self.tr("从备份恢复"),
            self.tr(
                "用「{f}」替换当前数据库？\n替换前的数据库会先保存为备份。其他电脑或窗口上打开的同一数据库须先关闭。"
            ).format(f=source.name),
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
        successor = MainWindow(restored, self.db_path, self.lang)
        MainWindow._open_windows.append(successor)
        successor.show()
        self.close()
        return successor

    def log_out(self) -> MainWindow | None:
        """注销: end this session and ask for an account again; cancelled, the window closes."""
        from workload_app.services import accounts
        from workload_app.ui import application

        self.tasks.wait(30_000)
        accounts.logout(self.db)
        self.hide()
        if not application.log_in(self.db):
            self.close()
            return None
        successor = MainWindow(self.db, self.db_path, self.lang)  # views follow the new user's role
        MainWindow._open_windows.append(successor)
        successor.show()
        self.close()
        return successor

    def show_manual(self) -> QDialog:
        """F1: the short manual in Chinese shipped in resources/manual (also in the bundle)."""
        from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser, QVBoxLayout

        from workload_app.ui.application import resources_dir

        path = resources_dir() / "manual" / "manual_zh.md"
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
            self.tr("法官工作量计算器 {v}\n\n数据库：{p}").format(v=__version__, p=self.db_path),
        )

    def _update_status(self) -> None:
        s = info.summary(self.db)
        self.status_db.setText(self.tr("数据库：{p}").format(p=self.db_path))
        self.status_counts.setText(self.tr("法官 {j} 名 · 案件 {c} 件").format(j=s["judges"], c=s["cases"]))
        self.status_params.setText(self.params_in_use_text())
        self.setWindowTitle(
            self.tr("法官工作量计算器 — {name} — {user}").format(
                name=self.db_path.name, user=user_name(self.user)
            )
        )

    # -- size: fits an office screen (1366×768) and is remembered per screen
    def _screen_key(self) -> str:
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        return f"geometry/{screen.name() or 'screen'}-{area.width()}x{area.height()}"

    def fit_to_screen(self) -> None:
        """The size last used on this screen; else 1280×800 or the screen's available area, whichever
        is smaller. Never taller or wider than the screen, so the status bar stays in view."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        saved = self.settings.value(self._screen_key())
        if saved is None or not self.restoreGeometry(saved):
            frame_w = self.frameGeometry().width() - self.geometry().width()
            frame_h = self.frameGeometry().height() - self.geometry().height()
            self.resize(min(1280, area.width() - frame_w), min(800, area.height() - frame_h))
            self.move(area.topLeft())
        frame = self.frameGeometry()
        if frame.height() > area.height() or frame.width() > area.width():
            extra_h = frame.height() - self.height()
            extra_w = frame.width() - self.width()
            self.resize(
                min(self.width(), area.width() - extra_w), min(self.height(), area.height() - extra_h)
            )
        frame = self.frameGeometry()
        if not area.contains(frame):
            self.move(
                max(area.left(), min(frame.left(), area.right() - frame.width() + 1)),
                max(area.top(), min(frame.top(), area.bottom() - frame.height() + 1)),
            )

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not getattr(self, "_fitted", False):  # the frame's size is known once shown
            self._fitted = True
            self.fit_to_screen()

    def params_in_use_text(self) -> str:
        """Which parameter version the figures of the chosen year use (a draft never does)."""
        from workload_app.services.parameters import version_in_use

        if not self.year():
            return ""
        v = version_in_use(self.db, self.year())
        if v.version is None:
            return self.tr("{y} 年度参数：默认值（尚未保存）").format(y=v.year)
        if v.published:
            text = self.tr("参数第 {n} 版（已发布）").format(n=v.version)
        else:
            text = self.tr("参数第 {n} 版（草稿，尚未发布）").format(n=v.version)
        if v.draft is not None:
            text += self.tr("；第 {d} 版草稿未发布").format(d=v.draft)
        return text

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self.settings.setValue(self._screen_key(), self.saveGeometry())
        self.settings.setValue("last_database", str(self.db_path))
        self.tasks.wait(5000)
        super().closeEvent(event)
