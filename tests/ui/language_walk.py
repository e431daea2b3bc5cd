"""Walking the whole window in one language: every view, every menu, every dialog the menus and
the views' buttons open (each closed without acting), every message box; the texts a user can see
collected with where they were seen, and the court's own data (names, case numbers, causes…)
taken from the database itself so that what remains is the window's own wording.

Used by ``test_one_language.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextEdit,
    QWidget,
)

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
CASE_NUMBER = re.compile(r"[（(]\d{4}[）)][^\s，,;；、]*?号")
ROWS = 40  # table rows looked at per table (the first ones, as the user sees them)


@dataclass
class Seen:
    where: str
    text: str


@dataclass
class Walk:
    """What one walk saw: (where, text) pairs, dialogs opened, file names suggested."""

    texts: list[Seen] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    suggested: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)  # of the file dialogs that save a PDF
    place: str = ""
    wait: object = None  # the window's background work, waited for before looking

    def settle(self) -> None:
        for _ in range(2):
            QCoreApplication.processEvents()
            if self.wait is not None:
                self.wait(30_000)
        QCoreApplication.processEvents()

    def add(self, text: object, where: str = "") -> None:
        if isinstance(text, str) and text.strip():
            self.texts.append(Seen(f"{self.place} / {where}", text))

    # -- widgets
    def widget(self, top: QWidget, where: str = "") -> None:
        """Every text ``top`` shows: titles, labels, buttons, tooltips, tabs, choices, tables."""
        if top.isWindow():
            self.add(top.windowTitle(), f"{where} title")
        for w in [top, *top.findChildren(QWidget)]:
            if w is not top and not w.isVisibleTo(top):
                continue
            kind = type(w).__name__
            self.add(w.toolTip(), f"{where} {kind} tooltip")
            if isinstance(w, QLabel | QAbstractButton):
                self.add(w.text(), f"{where} {kind}")
            elif isinstance(w, QGroupBox):
                self.add(w.title(), f"{where} group")
            elif isinstance(w, QTabWidget):
                for i in range(w.count()):
                    self.add(w.tabText(i), f"{where} tab")
                    self.add(w.tabToolTip(i), f"{where} tab tooltip")
            elif isinstance(w, QComboBox):
                for i in range(w.count()):
                    self.add(w.itemText(i), f"{where} combo")
            elif isinstance(w, QLineEdit):
                self.add(w.placeholderText(), f"{where} placeholder")
            elif isinstance(w, QTextEdit | QPlainTextEdit):
                self.add(w.toPlainText(), f"{where} text")
                self.add(w.placeholderText(), f"{where} placeholder")
            elif isinstance(w, QChartView):
                chart = w.chart()
                self.add(chart.title(), f"{where} chart title")
                for s in chart.series():
                    self.add(s.name(), f"{where} chart series")
                    for bar_set in getattr(s, "barSets", lambda: [])():
                        self.add(bar_set.label(), f"{where} chart bars")
                for axis in chart.axes():
                    self.add(axis.titleText(), f"{where} chart axis")
                    if isinstance(axis, QBarCategoryAxis):
                        for c in axis.categories():
                            self.add(c, f"{where} chart category")
            if isinstance(w, QListWidget):
                for i in range(w.count()):
                    self.add(w.item(i).text(), f"{where} list")
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                self.model(w, where)
            for action in w.actions():
                self.add(action.text(), f"{where} action")
                self.add(
                    action.toolTip() if action.toolTip() != action.text().replace("&", "") else "",
                    f"{where} action tip",
                )

    def model(self, view: QAbstractItemView, where: str) -> None:
        model = view.model()
        hidden = getattr(view, "isColumnHidden", lambda c: False)
        columns = [c for c in range(model.columnCount()) if not hidden(c)]
        for c in columns:
            self.add(
                model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole), f"{where} header"
            )
            self.add(
                model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole),
                f"{where} header tip",
            )

        def rows(parent, depth: int) -> None:
            for r in range(min(model.rowCount(parent), ROWS)):
                for c in columns:
                    index = model.index(r, c, parent)
                    self.add(model.data(index, Qt.ItemDataRole.DisplayRole), f"{where} cell")
                    self.add(model.data(index, Qt.ItemDataRole.ToolTipRole), f"{where} cell tip")
                first = model.index(r, 0, parent)
                if depth < 2 and first.isValid() and model.rowCount(first) > 0:
                    rows(first, depth + 1)

        from PySide6.QtCore import QModelIndex

        rows(QModelIndex(), 0)

    def menu(self, menu: QMenu, where: str) -> None:
        self.add(menu.title(), f"{where} menu")
        for action in menu.actions():
            self.add(action.text(), f"{where} menu item")
            tip = action.toolTip()
            if tip and tip != action.text().replace("&", ""):
                self.add(tip, f"{where} menu tip")
            if action.menu() is not None:
                self.menu(action.menu(), where)


def patch_dialogs(walk: Walk, monkeypatch) -> None:
    """Every dialog, message box, input box and file dialog is looked at and closed unanswered
    (a question answered No), so that walking the window changes nothing."""
    from workload_app.ui import file_dialogs

    def seen(dialog: QDialog) -> int:
        dialog.show()
        walk.settle()
        name = type(dialog).__name__
        walk.dialogs.append(f"{name}: {dialog.windowTitle()}")
        walk.widget(dialog, f"dialog {name}")
        dialog.hide()
        return 0

    monkeypatch.setattr(QDialog, "exec", seen)
    monkeypatch.setattr(QMessageBox, "exec", seen)
    monkeypatch.setattr(QInputDialog, "exec", seen)

    def box(kind: str, answer):
        def show(parent, title, text, *a, **k):
            walk.dialogs.append(f"QMessageBox.{kind}: {title}")
            walk.add(title, f"message {kind} title")
            walk.add(text, f"message {kind}")
            return answer

        return staticmethod(show)

    no, ok = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Ok
    for kind, answer in (
        ("question", no),
        ("warning", ok),
        ("information", ok),
        ("critical", ok),
        ("about", None),
    ):
        monkeypatch.setattr(QMessageBox, kind, box(kind, answer))

    def asked(kind: str, empty):
        def ask(parent, title, label, *a, **k):
            walk.dialogs.append(f"QInputDialog.{kind}: {title}")
            walk.add(title, f"input {kind} title")
            walk.add(label, f"input {kind}")
            return empty, False

        return staticmethod(ask)

    for kind, empty in (
        ("getText", ""),
        ("getMultiLineText", ""),
        ("getDouble", 0.0),
        ("getInt", 0),
        ("getItem", ""),
    ):
        monkeypatch.setattr(QInputDialog, kind, asked(kind, empty))

    def file_dialog(kind: str):
        def ask(parent, caption, directory="", *a, **k):
            walk.dialogs.append(f"file {kind}: {caption}")
            walk.add(caption, f"file {kind} caption")
            for extra in a:
                walk.add(extra, f"file {kind} filter")
            if kind == "save" and directory:
                walk.suggested.append(Path(directory).name)
            if "pdf" in " ".join(str(x) for x in a).lower() or str(directory).lower().endswith(".pdf"):
                walk.captions.append(caption)
            return ""

        return ask

    for kind, name in (
        ("open", "open_file_name"),
        ("save", "save_file_name"),
        ("folder", "existing_directory"),
    ):
        monkeypatch.setattr(file_dialogs, name, file_dialog(kind))
    monkeypatch.setattr(QFileDialog, "exec", seen)

    from workload_app.ui import tasks

    class Progress(QProgressDialog):
        """The progress dialog of background work: its label (and each step's) is looked at."""

        def __init__(self, label, *a, **k):
            super().__init__(label, *a, **k)
            walk.add(label, "progress")

        def setLabelText(self, text):  # noqa: N802 - Qt naming
            walk.add(text, "progress")
            super().setLabelText(text)

    monkeypatch.setattr(tasks, "QProgressDialog", Progress)


def close_other_windows(walk: Walk, main: QWidget, keep: QWidget | None = None) -> None:
    """Windows a click opened without ``exec`` (``open()``/``show()``): looked at, then closed
    (``keep``: one still being walked)."""
    QCoreApplication.processEvents()
    for w in QApplication.topLevelWidgets():
        if w is main or w is keep or not w.isVisible() or isinstance(w, QMenu):
            continue
        owner = w.parentWidget()
        while owner is not None and owner.parentWidget() is not None:
            owner = owner.parentWidget()
        if owner is not None and owner is not main:  # another test's window left open: not ours
            w.close()
            continue
        if w.isWindow() and type(w).__name__ not in ("MainWindow",):
            walk.dialogs.append(f"{type(w).__name__}: {w.windowTitle()}")
            walk.widget(w, f"window {type(w).__name__}")
            w.close()


def buttons_of(view: QWidget) -> list[QPushButton]:
    return [b for b in view.findChildren(QPushButton) if b.isVisibleTo(view) and b.isEnabled() and b.text()]


# -- the court's own data, from the database


def court_data(db) -> tuple[set[str], set[str]]:
    """(words, case numbers): what the database holds as the court's own data — judges,
    divisions, the court, accounts' names, causes, procedures, closing methods, case types,
    file names of imports, the people's reasons and notes, parameter rule names."""
    import tomllib

    def column(sql: str) -> set[str]:
        return {r[0] for r in db.execute(sql) if isinstance(r[0], str) and r[0]}

    words = set()
    words |= column("SELECT name FROM judges UNION SELECT name FROM divisions")
    words |= column("SELECT display_name FROM users UNION SELECT login FROM users")
    words |= column("SELECT value FROM meta WHERE key = 'court_name'")
    for c in ("cause", "procedure", "closing_method", "type_code", "court", "panel", "appeal_result"):
        words |= column(f"SELECT DISTINCT {c} FROM cases")
    words |= column("SELECT file_name FROM import_batches UNION SELECT user FROM import_batches")
    words |= column("SELECT DISTINCT user FROM audit_log")  # who acted, as recorded (本机操作员 root)
    words |= column("SELECT created_by FROM param_sets UNION SELECT created_by FROM quota_plans")
    words |= column("SELECT reason FROM param_sets UNION SELECT reason FROM quota_plans")
    for (text,) in db.execute("SELECT toml FROM param_sets"):
        params = tomllib.loads(text)
        words |= {rule["name"] for rule in params.get("trial", {}).get("rules", [])}
    words |= {w for text in set(words) for w in re.split(r"[、,，;；\s]+", text) if w}
    numbers = column("SELECT case_number FROM cases UNION SELECT original_case_number FROM cases")
    return words, numbers


def without_data(text: str, words: set[str], numbers: set[str], pattern: re.Pattern) -> str:
    """``text`` with the court's own data taken out: case numbers of the database, then its words."""
    text = CASE_NUMBER.sub(lambda m: "" if m.group(0) in numbers else m.group(0), text)
    return pattern.sub("", text)


def data_pattern(words: set[str]) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def select_first_rows(walk: Walk, view: QWidget, where: str) -> None:
    """The first row of each table of ``view`` chosen, as a user would (detail panes, a case's
    explanation), and what then shows looked at."""
    from PySide6.QtCore import QItemSelectionModel

    for table in view.findChildren(QTableView):
        model = table.model()
        if (
            not table.isVisibleTo(view)
            or model is None
            or model.rowCount() == 0
            or table.selectionModel() is None
        ):
            continue
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        table.selectionModel().setCurrentIndex(model.index(0, 0), flags)
        walk.settle()
        walk.widget(view, where)
