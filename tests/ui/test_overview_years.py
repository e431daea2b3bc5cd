"""Issue 30.2: a year without parameters showed last year's figures (completion histogram, 质效
table, trend) on 概览 under this year's title."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_a_year_without_parameters_shows_none_of_last_years_figures(demo_db, window, qtbot):
    # a few cases closed in 2026, a year with no parameters yet
    demo_db.conn.execute(
        "UPDATE cases SET closed_year = 2026 WHERE id IN (SELECT id FROM cases WHERE closed_year = 2025 LIMIT 3)"
    )
    demo_db.conn.commit()
    window._fill_years()
    view = window.view_titled("概览")
    window.year_box.setCurrentIndex(window.year_box.findData(2025))
    qtbot.waitUntil(lambda: window.tasks.idle() and view.trend.rowCount() == 12, timeout=60_000)
    assert view.model.rowCount() > 0 and view.indicators.rowCount() > 0
    assert len(view.chart.series()) > 0 and len(view.bands.series()) == 1

    window.year_box.setCurrentIndex(window.year_box.findData(2026))
    qtbot.waitUntil(lambda: window.tasks.idle() and view.trend.rowCount() == 0, timeout=60_000)
    assert view.title.text() == "2026 年 1—12 月概览"
    assert view.summary.text() == "2026 年度还没有参数设置，请管理员先在「参数」页保存并发布本年度参数"
    assert view.model.rowCount() == 0 and view.indicators.rowCount() == 0
    assert view.chart.series() == [] and view.bands.series() == [] and view.distribution == {}
    assert view.chart_legend.entries == [] and view.bands_legend.entries == []


def test_the_first_month_is_not_written_as_a_range(window, qtbot):
    view = window.view_titled("概览")
    window.month_box.setCurrentIndex(0)
    assert view.title.text() == f"{window.year()} 年 1 月概览"
    window.month_box.setCurrentIndex(2)
    assert view.title.text() == f"{window.year()} 年 1—3 月概览"
