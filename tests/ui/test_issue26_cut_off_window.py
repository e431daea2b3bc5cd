"""The window's 长期未结 list counts as of the same cut-off as the sheet (issue 26): with today
7 December on the window's clock, the year to December is counted as of 7 December in both."""

from __future__ import annotations

import datetime as dt

import pytest

from workload_app.services import clock, pending
from workload_app.services.sheets import build_context

pytestmark = pytest.mark.gui


def test_window_and_sheet_share_the_cut_off(open_window, demo_db, qtbot):
    year = 2025  # the demo court's second year
    today = dt.date(year, 12, 7)
    window = open_window(demo_db)
    clock.bind(window.db, lambda: today)
    window.tasks.today = lambda: today
    window.year_box.setCurrentIndex(window.year_box.findData(year))
    window.month_box.setCurrentIndex(window.month_box.findData(12))
    view = window.view_titled("长期未结")
    assert view.at() == today
    view.refresh()
    expected = pending.pending_cases(window.db, today, 12)
    qtbot.waitUntil(lambda: view.model.rowCount() == len(expected) and len(expected) > 0, timeout=30_000)
    assert today.isoformat() in view.title.text()
    clock.bind(demo_db, lambda: today)
    ctx = build_context(demo_db, year, 12)
    assert ctx.as_of == today.isoformat()
    assert sorted(c.case_number for c in ctx.quality.long_pending) == sorted(expected["case_number"])
    # the year-end count would hold more: cases 12 months old only by 31 December
    at_year_end = pending.pending_cases(demo_db, dt.date(year, 12, 31), 12)
    assert len(at_year_end) >= len(expected)
    window.tasks.wait(30_000)
