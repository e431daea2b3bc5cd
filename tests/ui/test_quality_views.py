"""质效 in the window: judges and divisions columns (out of range marked), 我的工作量, 概览; both languages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from workload_app.services.quality import report

pytestmark = pytest.mark.gui
SHOTS = Path(os.environ.get("WORKLOAD_SHOTS", "/tmp/quality"))


def _column(model, name):
    return list(model.frame().columns).index(name)


def _wait(qtbot, model, rows=1):
    qtbot.waitUntil(lambda: model.rowCount() >= rows, timeout=30_000)


def test_judges_view_columns_match_the_service_and_mark_out_of_range(window, qtbot, demo_db, qtmodeltester):
    view = window.view_titled("法官")
    view.refresh()
    _wait(qtbot, view.model)
    qtmodeltester.check(view.model)
    rep = report(demo_db, window.year(), window.month())
    col = _column(view.model, "q_within_limit_rate")
    checked = marked = 0
    for row in range(view.model.rowCount()):
        name = view.model.row_at(row)["judge"]
        fig = rep.judge(name)
        if fig is None:
            continue
        ind = fig.indicator("within_limit_rate")
        assert view.model.row_at(row)["q_within_limit_rate"] == pytest.approx(ind.value * 100)
        assert view.model.marked(row, col) == (ind.in_range is False)
        brush = view.model.data(view.model.index(row, col), Qt.ItemDataRole.ForegroundRole)
        assert (brush is not None) == (ind.in_range is False)
        marked += ind.in_range is False
        checked += 1
    assert checked > 20 and marked > 0
    window.resize(1600, 800)
    window.grab().save(str(SHOTS / "judges_zh.png"))


def test_divisions_overview_and_my_workload(window, qtbot, demo_db):
    divisions = window.view_titled("部门")
    divisions.refresh()
    _wait(qtbot, divisions.model)
    rep = report(demo_db, window.year(), window.month())
    first = divisions.model.row_at(0)
    fig = rep.division(first["division"])
    assert first["q_closing_rate"] == pytest.approx(fig.indicator("closing_rate").value * 100)
    overview = window.view_titled("概览")
    overview.refresh()
    _wait(qtbot, overview.trend, 12)
    assert overview.indicators.rowCount() == 8
    trend = overview.trend.frame()
    assert trend["month"].tolist() == list(range(1, 13))
    assert trend["closed"].sum() == rep.court.closed  # each month's closings add up to the year's
    window.resize(1600, 1000)
    window.grab().save(str(SHOTS / "overview_zh.png"))
    mine = window.view_titled("个人工作量")
    mine.refresh()
    _wait(qtbot, mine.indicators, 8)
    judge = mine.judge()
    values = mine.indicators.frame()
    expected = rep.judge(judge).indicator("closing_rate")
    assert (
        values.iloc[0]["numerator"] == expected.numerator
        and values.iloc[0]["denominator"] == expected.denominator
    )
    window.grab().save(str(SHOTS / "my_zh.png"))


def test_english_quality_columns(qtbot, demo_db):
    from workload_app.ui.application import create_app, install_translators
    from workload_app.ui.main_window import MainWindow

    app = create_app()
    install_translators(app, "en")
    try:
        path = Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2])
        w = MainWindow(demo_db, path, "en")
        qtbot.addWidget(w)
        w.show()
        w.resize(1600, 1000)
        judges = w.view_titled("Judges")
        judges.refresh()
        _wait(qtbot, judges.model)
        headers = [
            judges.model.headerData(c, Qt.Orientation.Horizontal) for c in range(judges.model.columnCount())
        ]
        assert "Within time limit %" in headers
        w.grab().save(str(SHOTS / "judges_en.png"))
        overview = w.view_titled("Overview")
        overview.refresh()
        _wait(qtbot, overview.trend, 12)
        assert overview.indicators.row_at(2)["indicator"] == "Closed within the legal time limit"
        w.grab().save(str(SHOTS / "overview_en.png"))
        w.tasks.wait(30_000)
    finally:
        install_translators(app, "zh_CN")
