"""The main window: navigation, year and month selectors every view follows, menus, status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
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
from workload_app.services import info
from workload_app.services.changes import Changes
from workload_app.storage import repository as repo
from workload_app.storage.db import open_db
from workload_app.ui.tasks import TaskRunner


class MainWindow(QMainWindow):
    def __init__(self, db, db_path: Path, lang: str = "zh_CN") -> None:
        super().__init__()
        self.db = db
        self.db_path = db_path
        self.lang = lang
        self.tasks = TaskRunner(db_path, self)
        self.settings = QSettings()
        self.resize(1280, 800)
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

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
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([140, 1140])
        self.setCentralWidget(splitter)

        self.status_db = QLabel()
        self.status_counts = QLabel()
        self.statusBar().addWidget(self.status_db, 1)
        self.statusBar().addPermanentWidget(self.status_counts)
        self._make_menus()

        self._fill_years()
        self.year_box.currentIndexChanged.connect(lambda _: self.refresh_current())
        self.month_box.currentIndexChanged.connect(lambda _: self.refresh_current())
        self.nav.setCurrentRow(0)
        self._update_status()

    # -- period
    def year(self) -> int:
        return int(self.year_box.currentData() or 0)

    def month(self) -> int:
        return int(self.month_box.currentData() or 12)

    def _fill_years(self) -> None:
        years = sorted(set(repo.case_years(self.db)) | set(repo.param_years(self.db)))
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
        from workload_app.ui.views.overview import OverviewView

        return [(self.tr("概览"), OverviewView(self))]

    def _show_view(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        self.refresh_current()

    def refresh_current(self) -> None:
        view = self.stack.currentWidget()
        if view is not None and hasattr(view, "refresh"):
            view.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """A user action finished: refresh the period list, the status bar and the visible view."""
        if changes.cases or changes.params:
            self._fill_years()
        self._update_status()
        self.refresh_current()

    # -- menus
    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        open_action = QAction(self.tr("打开数据库…"), self)
        open_action.triggered.connect(self.open_database)
        file_menu.addAction(open_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        self.file_menu = file_menu

    def open_database(self) -> None:
        start = str(self.settings.value("last_folder", str(self.db_path.parent)))
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("打开或新建数据库"),
            start,
            self.tr("数据库 (*.sqlite *.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.switch_database(Path(name))

    def switch_database(self, path: Path) -> None:
        try:
            db = open_db(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            QMessageBox.warning(self, self.tr("无法打开数据库"), str(exc))
            return
        self.db.conn.close()
        self.db, self.db_path = db, path
        self.tasks.db_path = path
        self.settings.setValue("last_database", str(path))
        self.settings.setValue("last_folder", str(path.parent))
        self.apply_changes(Changes(cases=True, params=True))

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
        self.setWindowTitle(self.tr("法官工作量计算器 — {name}").format(name=self.db_path.name))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("last_database", str(self.db_path))
        self.tasks.wait(5000)
        super().closeEvent(event)
