"""长期未结: the list at the end of the chosen month, filters, reasons, in both languages."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from workload_app.core.quality import cut_off
from workload_app.services import pending

pytestmark = pytest.mark.gui
SHOTS = Path(os.environ.get("WORKLOAD_SHOTS", "/tmp/quality"))


def test_period_end_is_the_month_end_or_today():
    assert cut_off(2025, 2, dt.date(2026, 1, 1)) == dt.date(2025, 2, 28)
    assert cut_off(2025, 12, dt.date(2025, 6, 3)) == dt.date(2025, 6, 3)


def _shown(window, qtbot):
    view = window.view_titled("长期未结")
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=20_000)
    return view


def test_list_filters_and_reason(window, qtbot, qtmodeltester, demo_db):
    view = _shown(window, qtbot)
    qtmodeltester.check(view.model)
    expected = pending.pending_cases(demo_db, view.at(), 12)
    assert view.model.rowCount() == len(expected)
    assert str(len(expected)) in view.title.text()
    # oldest first, with its band
    first = view.model.row_at(0)
    assert first["age_months"] == expected["age_months"].max() and first["age_months"] >= 36
    division = expected["division"].iloc[0]
    view.division_box.setCurrentIndex(view.division_box.findData(division))
    assert view.model.rowCount() == int((expected["division"] == division).sum())
    # the local operator (管理员) may record a reason; it shows after the refresh
    view.table.selectRow(0)
    assert view.reason_button.isEnabled()
    number = view.model.row_at(0)["case_number"]
    pending.record_reason(demo_db, number, "鉴定", "建设工程造价鉴定")
    view.refresh()
    qtbot.waitUntil(
        lambda: view.model.rowCount() > 0 and view.model.row_at(0)["pending_note"] == "建设工程造价鉴定",
        timeout=20_000,
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.resize(1400, 800)
    window.grab().save(str(SHOTS / "pending_zh.png"))


def test_english_view(qtbot, demo_db):
    from workload_app.ui.application import create_app, install_translators
    from workload_app.ui.main_window import MainWindow

    app = create_app()
    install_translators(app, "en")
    try:
        path = Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2])
        w = MainWindow(demo_db, path, "en")
        qtbot.addWidget(w)
        w.show()
        view = w.view_titled("Long pending")
        view.refresh()
        qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=20_000)
        assert "cases open 12 months or more" in view.title.text()
        assert view.model.headerData(5, Qt.Orientation.Horizontal) == "Months open"
        SHOTS.mkdir(parents=True, exist_ok=True)
        w.resize(1400, 800)
        w.grab().save(str(SHOTS / "pending_en.png"))
        w.tasks.wait(30_000)
    finally:
        install_translators(app, "zh_CN")
