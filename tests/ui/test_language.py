"""The English translation covers the window's own texts; the Chinese window shows no English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from workload_app.ui.dataframe_model import DataFrameModel

pytestmark = pytest.mark.gui
HAN = re.compile(r"[\u4e00-\u9fff]")


def _texts(window) -> list[str]:
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
        texts += [a.text() for a in menu_action.menu().actions() if a.text()]
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTableView, QTableWidget, QTabWidget

    for view in window.views:
        for widget in [view, *view.findChildren(QWidget)]:
            if isinstance(widget, QLabel | QAbstractButton):
                texts.append(widget.text())
            elif isinstance(widget, QGroupBox):
                texts.append(widget.title())
            elif isinstance(widget, QTabWidget):
                texts += [widget.tabText(i) for i in range(widget.count())]
            elif isinstance(widget, QTableWidget):
                headers = [widget.horizontalHeaderItem(c) for c in range(widget.columnCount())]
                texts += [h.text() for h in headers if h is not None]
            if isinstance(widget, QTableView) and isinstance(widget.model(), DataFrameModel):
                texts += list(widget.model()._headers.values())  # column headers, shown once data arrives
    return [t for t in texts if t]


def _window(qtbot, demo_db, lang):
    from workload_app.ui.application import create_app, install_translators
    from workload_app.ui.main_window import MainWindow

    app = create_app()
    install_translators(app, lang)
    path = Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2])
    w = MainWindow(demo_db, path, lang)
    qtbot.addWidget(w)
    return app, w


def _without_data(texts: list[str], db) -> list[str]:
    """Texts with the court's own names (divisions, judges, the court, the OS account) taken out."""
    names = [r[0] for r in db.execute("SELECT name FROM divisions UNION SELECT name FROM judges")]
    names += ["示范法院", "本机操作员"]
    out = []
    for t in texts:
        for n in sorted(names, key=len, reverse=True):
            t = t.replace(n, "")
        out.append(t)
    return out


def test_english_window_has_no_chinese_of_its_own(qtbot, demo_db):
    app, w = _window(qtbot, demo_db, "en")
    try:
        texts = _without_data(_texts(w), demo_db)
        assert {"Overview", "Audit log", "Standard cases"} <= set(texts), texts
        chinese = [t for t in texts if HAN.search(t) and t != "中文"]
        assert chinese == []
    finally:
        from workload_app.ui.application import install_translators

        install_translators(app, "zh_CN")


def test_chinese_window_has_no_stray_english(qtbot, demo_db):
    _, w = _window(qtbot, demo_db, "zh_CN")
    allowed = {"English", "TOML", "PDF", "Excel", "Ctrl", "F", "S", "H", "A", "scrypt"}
    for t in _texts(w):
        if t.startswith("当前用户"):  # the OS account's name
            continue
        words = set(re.findall(r"[A-Za-z]+", t))
        assert words <= allowed, t
