"""Issue 19.12: F1 opens the short manual in Chinese, shipped in resources/ and in the bundle."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def test_f1_opens_the_manual(window, qtbot):
    assert window.manual_action.shortcut().toString() == "F1"
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "manual", None) is not None and window.manual.isVisible())
    browser = window.manual.findChildren(QTextBrowser)[0]
    text = browser.toPlainText()
    for heading in ("什么是标准案件", "年度任务怎样确定", "各页面做什么", "数字看起来不对怎么办"):
        assert heading in text
    assert window.manual.height() <= window.screen().availableGeometry().height()


def test_manual_is_in_the_bundle():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '"resources" / "manual"' in spec and (ROOT / "resources" / "manual" / "manual_zh.md").exists()
