"""The main window: the year and month selectors every view follows, the status bar, its size on
the screen. Its navigation is in ``window_nav``, its menus and their dialogs in ``window_menus``,
the store it is on (a file or the court server) and changing it in ``window_store``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from workload_app.services import access, info
from workload_app.services.session import ServerLogin
from workload_app.ui.i18n import user_name
from workload_app.ui.tasks import TaskRunner
from workload_app.ui.window_menus import WindowMenus
from workload_app.ui.window_nav import WindowNavigation
from workload_app.ui.window_store import WindowStore


class MainWindow(WindowNavigation, WindowMenus, WindowStore, QMainWindow):
    _open_windows: list[MainWindow] = []  # keeps a window opened on another database alive

    changed = Signal(object)  # every finished action's Changes, for any view that subscribes

    def __init__(self, db, db_path: Path | ServerLogin, lang: str = "zh_CN") -> None:
        super().__init__()
        self.db = db
        self.db_path = db_path  # the store target: a file, or the court server (see window_store)
        self.lang = lang
        self.user = access.current(db)  # bound by the log-in (or as the local operator), never assumed
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
        self._fit_as = (self.size(), self.windowState())  # as fitted; see showEvent

    @property
    def scope(self) -> access.Scope:
        """What the window's user may see and do (``core.scope``): the views ask it, never a role."""
        return self.user.scope

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """A text in the window's language, looked up under the class that says it: this one, or
        the part (``WindowMenus`` …) whose code it is in (``update_ts`` files it there)."""
        for cls in type(self).__mro__:
            if cls is QMainWindow:
                break
            translated = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
            if translated != text:
                return translated
        return text

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

    def _update_status(self) -> None:
        s = info.summary(self.db)
        if self.on_server:
            self.status_db.setText(self.tr("法院服务器：{p}").format(p=self.store_address()))
        else:
            self.status_db.setText(self.tr("数据库：{p}").format(p=self.db_path))
        self.status_counts.setText(self.tr("法官 {j} 名 · 案件 {c} 件").format(j=s["judges"], c=s["cases"]))
        self.status_params.setText(self.params_in_use_text())
        self.setWindowTitle(
            self.tr("法官工作量计算器 — {name} — {user}").format(
                name=self.store_name(), user=user_name(self.user)
            )
        )

    # -- size: fits an office screen (1366×768) and is remembered per screen
    def _screen_key(self) -> str:
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        return f"geometry/{screen.name() or 'screen'}-{area.width()}x{area.height()}"

    SMALL_SCREEN = (1440, 900)  # an office screen (1366×768, 1440×900): the window opens maximised

    def fit_to_screen(self) -> None:
        """The size last used on this screen; else, on an office screen of 1440×900 or less,
        maximised (the system keeps a maximised window above the taskbar, whatever the frame's
        size, which a window manager may only tell after the window is shown), elsewhere 1280×800.
        Never taller or wider than the screen, so the status bar stays in view."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        saved = self.settings.value(self._screen_key())
        if saved is None or not self.restoreGeometry(saved):
            frame_w = self.frameGeometry().width() - self.geometry().width()
            frame_h = self.frameGeometry().height() - self.geometry().height()
            if not frame_h and not self.isVisible():  # not shown yet: room for a title bar and borders
                frame_w, frame_h = 16, 40
            self.resize(min(1280, area.width() - frame_w), min(800, area.height() - frame_h))
            self.move(area.topLeft())
            if area.width() <= self.SMALL_SCREEN[0] and area.height() <= self.SMALL_SCREEN[1]:
                if self.isVisible():
                    self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
                else:  # maximised when shown (setVisible), unless sized by the caller before then
                    self._maximise_on_show = True
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

    def _as_fitted(self) -> bool:
        """Still the size and state fit_to_screen gave it at construction: not sized by the caller."""
        return getattr(self, "_fit_as", None) == (self.size(), self.windowState())

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt naming
        # A window left as constructed opens maximised on an office screen; one the caller sized or
        # placed before showing it (a test at 1366×740, take_place_of) keeps that size.
        if visible and getattr(self, "_maximise_on_show", False):
            self._maximise_on_show = False
            if not getattr(self, "_fitted", False) and self._as_fitted():
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        super().setVisible(visible)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not getattr(self, "_fitted", False):  # the frame's size is known once shown
            self._fitted = True
            # fitted again with the real frame, unless maximised or sized by the caller since
            # (a size or state set between construction and show is kept, not maximised over)
            if not self.isMaximized() and self._as_fitted():
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
        if not self.on_server:  # the password of a server is never written anywhere
            self.settings.setValue("last_database", str(self.db_path))
        self.tasks.wait(5000)
        super().closeEvent(event)
