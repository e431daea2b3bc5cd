"""The 部门 view says what the staffing need assumed; 个人工作量 shows base and saturation to date."""

from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.gui


def _at_june(window, qtbot, title):
    window.month_box.setCurrentIndex(5)  # 6 月
    view = window.view_titled(title)
    view.refresh()
    qtbot.waitUntil(window.tasks.idle, timeout=30_000)
    return view


def _shot(widget, name):
    folder = os.environ.get("WORKLOAD_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def test_divisions_view_states_the_staffing_assumption(window, qtbot):
    view = _at_june(window, qtbot, "部门")
    _shot(window, "divisions.png")
    text = view.assumed.text()
    assert "1—6 月占全年" in text and "所需法官" in text


def test_personal_view_shows_base_and_saturation_to_date(window, qtbot):
    view = _at_june(window, qtbot, "个人工作量")
    qtbot.waitUntil(lambda: "截至本月基础数" in view.summary.text(), timeout=30_000)
    _shot(window, "my_workload.png")
    assert "部门内" in view.summary.text()  # 人事 sees ranks on screen whatever the setting
