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


def _part_year_quota(db):
    from workload_app.services import quotas as Q

    return next(r for r in Q.court_plan(db, 2025)["judges"] if r["in_post_from"] == "2025-03-16")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_personal_view_prints_the_part_year_quota_as_redoable_arithmetic(qtbot, demo_db, lang):
    """Issue 26: 我的工作量 shows the judge's quota derivation, the factors multiplying to the figure
    (the month-weighted share in post, the months in post named), in the window's language."""
    import re
    from decimal import ROUND_HALF_UP, Decimal
    from pathlib import Path

    from workload_app.ui.application import create_app, install_translators
    from workload_app.ui.main_window import MainWindow

    app = create_app()
    install_translators(app, lang)
    try:
        judge = _part_year_quota(demo_db)
        w = MainWindow(demo_db, Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2]), lang)
        qtbot.addWidget(w)
        w.show()
        view = w.view_titled("个人工作量" if lang == "zh_CN" else "Judge workload")
        view.refresh()
        qtbot.waitUntil(w.tasks.idle, timeout=30_000)
        view.judge_box.setCurrentIndex(view.judge_box.findData(judge["judge"]))
        qtbot.waitUntil(lambda: judge["judge"] in view.title.text(), timeout=30_000)
        qtbot.waitUntil(w.tasks.idle, timeout=30_000)
        text = view.summary.text()
        pattern = (
            r"基本任务 ([\d,.]+) × 职务系数 ([\d.]+) × 在岗折算 ([\d.]+) = ([\d,.]+)"
            if lang == "zh_CN"
            else r"Basic quota ([\d,.]+) × post factor ([\d.]+) × share in post ([\d.]+) = ([\d,.]+)"
        )
        match = re.search(pattern, text)
        assert match, text
        a, b, c, printed = (Decimal(g.replace(",", "")) for g in match.groups())
        assert (a * b * c).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == printed
        assert printed == Decimal(str(judge["computed_quota"])).quantize(Decimal("0.01"))
        assert ("3月 16/31 天、4—12月" if lang == "zh_CN" else "Mar 16/31 days, Apr–Dec") in text
        w.tasks.wait(30_000)
    finally:
        install_translators(app, "zh_CN")


def test_judges_view_shows_why_a_judge_is_not_ranked(qtbot, window, demo_db):
    """Issue 26: a judge in post under three months of the period is listed, not ranked, with why
    (入额 moved to 1 May: May and June, two months of the six)."""
    from workload_app.services import quotas as Q
    from workload_app.services import roster

    judge = next(r["judge"] for r in Q.court_plan(demo_db, 2025)["judges"] if r["post"] == "审判员")
    roster.edit_judge(demo_db, judge, in_post_from="2025-05-01")
    view = _at_june(window, qtbot, "法官")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=30_000)
    rows = {
        view.model.data(view.model.index(r, 0)): [
            view.model.data(view.model.index(r, c)) for c in range(view.model.columnCount())
        ]
        for r in range(view.model.rowCount())
    }
    assert "任职期间 2.00 个月，不足 3 个月" in rows[judge]
