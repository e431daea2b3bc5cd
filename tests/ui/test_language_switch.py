"""Issue 19.11: the language switches without a restart; Qt's own buttons speak Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

pytestmark = pytest.mark.gui


def _cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")


def test_switching_language_rebuilds_the_window_at_once(window, qtbot):
    from workload_app.ui.application import install_translators

    install_translators(QApplication.instance(), "zh_CN")
    assert _cancel_text().startswith("取消")  # qtbase_zh_CN.qm: Qt's own dialogs in Chinese
    window.month_box.setCurrentIndex(5)
    window.nav.setCurrentRow(3)
    english = window.set_language("en")
    qtbot.addWidget(english)
    try:
        assert not window.isVisible() and english.isVisible()
        titles = [english.nav.item(i).text() for i in range(english.nav.count())]
        assert titles[0] == "Overview" and english.nav.currentRow() == 3 and english.month() == 6
        assert english.menuBar().actions()[0].text() == "&File"
        assert "Parameters version 1 (published)" in english.status_params.text()
        assert window.messages == []  # no "restart to apply" any more
        chinese = english.set_language("zh_CN")
        qtbot.addWidget(chinese)
        assert chinese.nav.item(0).text() == "概览" and _cancel_text().startswith("取消")
        chinese.tasks.wait(30_000)
    finally:
        english.tasks.wait(30_000)
        install_translators(QApplication.instance(), "zh_CN")
