"""Issue 26 in the window: the 长期未结 list counts as of the same cut-off as the sheet (with today
7 December on the window's clock, the year to December is counted as of 7 December in both); the
import wizard shows the total lines it skipped and refuses a division not on the roster."""

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


def test_the_import_wizard_shows_the_total_lines_and_refuses_an_unknown_division(
    open_window, demo_db, qtbot, tmp_path
):
    from tests.importing.conftest import write_xlsx
    from workload_app.ui.dialogs.import_wizard import ImportWizard

    window = open_window(demo_db)
    judge, division = demo_db.conn.execute(
        "SELECT j.name, d.name FROM judges j JOIN divisions d ON d.id = j.division_id LIMIT 1"
    ).fetchone()
    head = ["案号", "承办人", "承办部门", "立案日期", "结案日期", "卷宗页数", "庭审笔录页数", "裁判文书页数"]
    rows = [
        head,
        ["(2025)渝0107民初1号", judge, division, "2025-01-05", "2025-03-01", 100, 5, 5],
        ["(2025)渝0107民初2号", judge, division + "X", "2025-01-05", "2025-03-01", 100, 5, 5],
        ["合计", "", "", "", "", 200, 10, 10],
    ]
    wizard = ImportWizard(window, write_xlsx(tmp_path / "结案.xlsx", rows))
    qtbot.addWidget(wizard)
    qtbot.waitUntil(wizard.import_button.isEnabled, timeout=20_000)
    wizard.run(dry_run=True)
    qtbot.waitUntil(lambda: wizard.problems.rowCount() == 1, timeout=20_000)
    assert "不在名册中" in wizard.problems.row_at(0)["问题"]
    wizard.skip_invalid.setChecked(True)
    wizard.run(dry_run=True)
    qtbot.waitUntil(lambda: "合计/总计/小计" in wizard.summary.text(), timeout=20_000)
    assert "第 4 行" in wizard.summary.text() and "新增 1" in wizard.summary.text()
    window.tasks.wait(30_000)
