"""Issue 19.10/19.11 and issue 20: one colour and line per track in every chart and language, a
legend whose names are never cut; posts, plan versions and the local operator in English;
报表 offers duplex padding and names the characters that would print blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCharts import QBarSeries, QXYSeries

from workload_app.reports import fonts

pytestmark = pytest.mark.gui


def _window(qtbot, demo_db, lang, tmp_path):
    from PySide6.QtCore import QSettings, Qt

    from workload_app.ui.application import create_app, install_translators
    from workload_app.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    app = create_app()
    install_translators(app, lang)
    path = Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2])
    w = MainWindow(demo_db, path, lang)
    qtbot.addWidget(w)
    w.setWindowState(w.windowState() & ~Qt.WindowState.WindowMaximized)  # a small screen opens maximised
    w.resize(1366, 740)
    w.show()
    return app, w


def _looks(w, qtbot) -> dict:
    """(chart, track, kind) -> (colour, pen style, brush style) of every series drawn."""
    from workload_app.ui.views.overview import OverviewView
    from workload_app.ui.views.quotas import QuotasView

    out = {}
    for view in w.views:
        if not isinstance(view, OverviewView | QuotasView):
            continue
        w.show_view(view)
        qtbot.waitUntil(w.tasks.idle, timeout=30_000)
        charts = [view.chart, view.bands] if isinstance(view, OverviewView) else [view.chart]
        for chart in charts:
            for i, s in enumerate(chart.series()):
                if isinstance(s, QXYSeries):
                    out[(type(view).__name__, chart.title() == view.chart.title(), i)] = (
                        s.pen().color().name(),
                        s.pen().style(),
                        s.pointsVisible(),
                    )
                elif isinstance(s, QBarSeries):
                    for j, b in enumerate(s.barSets()):
                        out[(type(view).__name__, "bars", j)] = (b.brush().color().name(), b.brush().style())
    return out


def _legend_names(w) -> list[tuple[str, int, int]]:
    from workload_app.ui.views.overview import OverviewView

    view = next(v for v in w.views if isinstance(v, OverviewView))
    return [
        (text.text(), text.sizeHint().width(), text.width())
        for legend in (view.chart_legend, view.bands_legend)
        for _, text in legend.entries
    ]


def test_tracks_look_the_same_in_both_languages_and_apart_in_black_and_white(qtbot, demo_db, tmp_path):
    app, w = _window(qtbot, demo_db, "zh_CN", tmp_path)
    chinese = _looks(w, qtbot)
    app, en = _window(qtbot, demo_db, "en", tmp_path)
    try:
        english = _looks(en, qtbot)
        legend = _legend_names(en)
    finally:
        from workload_app.ui.application import install_translators

        install_translators(app, "zh_CN")
    assert chinese == english and len(chinese) >= 6
    lines = [v for k, v in chinese.items() if k[0] == "OverviewView" and k[1] != "bars"]
    assert (
        len(lines) == 4 and len({(style, points) for _, style, points in lines}) == 4
    )  # apart without colour
    bars = [v for k, v in chinese.items() if k[1] == "bars"]
    assert len({style for _, style in bars}) == 2  # filled and hatched
    from PySide6.QtCore import Qt

    styles = {color: set() for color, *_ in chinese.values()}
    for k, v in chinese.items():
        if k[1] != "bars":
            styles[v[0]].add(v[1])
    P = Qt.PenStyle
    assert styles["#1f5fa8"] == {P.SolidLine, P.DashLine}  # 审判: done solid, target dashed
    assert styles["#d9730d"] == {P.DashDotLine, P.DotLine}  # 执行: done dash-dot, target dotted
    names = [n for n, _, _ in legend]
    assert {
        "Trial done",
        "Trial target",
        "Enforcement done",
        "Enforcement target",
        "Trial",
        "Enforcement",
    } <= set(names)
    assert all(need <= have for _, need, have in legend), legend  # every name shown whole


def test_posts_plan_versions_and_local_operator_in_english(qtbot, demo_db, tmp_path):
    app, w = _window(qtbot, demo_db, "en", tmp_path)
    try:
        roster_view = w.roster_view
        w.show_view(roster_view)
        qtbot.waitUntil(lambda: roster_view.model.rowCount() > 0, timeout=30_000)
        posts = set(roster_view.model.frame()["post_label"])
        assert posts == {"Division head", "Deputy division head", "Judge", "Vice president", "President",
                         "Judicial committee member"}  # fmt: skip
        quotas = w.view_titled("Quotas")
        qtbot.waitUntil(w.tasks.idle, timeout=30_000)
        text = quotas.derivation.text()
        assert "history basis" in text and "rounded" in text and "历史口径" not in text
        assert set(quotas.judges.frame()["post"]) <= posts
        who = w.account_menu.actions()[0].text()
        assert "Local operator" in who and "本机操作员" not in who
        assert "本机操作员" not in w.windowTitle()
        from workload_app.ui.i18n import plan_reason  # a plan version's reason from the services

        assert plan_reason("年初下达") == "Issued at the start of the year"
        assert plan_reason("3 月调整") == "Re-plan from month 3"
        assert plan_reason("调整 王强 的任务：病假") == "王强's quota changed: 病假"
        assert plan_reason("示范法院年初下达") == "示范法院年初下达"  # a user's own words are kept
    finally:
        from workload_app.ui.application import install_translators

        install_translators(app, "zh_CN")


def test_sheets_pad_for_duplex_and_name_rare_characters(demo_db, open_window, qtbot, tmp_path, monkeypatch):
    from workload_app.services import court

    court.set_court_settings(demo_db, name="𠮷城区人民法院")  # a name the bundled fonts cannot draw
    monkeypatch.setattr(fonts, "_fallback_chars", lambda: frozenset())
    w = open_window(demo_db)
    view = w.sheets_view
    w.show_view(view)
    qtbot.waitUntil(lambda: view.scope.count() > 0 and w.tasks.idle(), timeout=30_000)
    view.kind.setCurrentIndex(view.kind.findData("judge"))
    view.scope.setCurrentIndex(view.scope.findText("部门：刑事审判庭"))
    assert view.scope.currentData() == ("division", "刑事审判庭")
    assert not view.duplex.isEnabled()  # padding only means something for the combined file
    view.combined.setChecked(True)
    assert view.duplex.isEnabled()
    view.duplex.setChecked(True)
    (tmp_path / "dup").mkdir()
    view.export(str(tmp_path / "dup"))
    qtbot.waitUntil(w.tasks.idle, timeout=120_000)
    files = sorted((tmp_path / "dup").glob("*.pdf"))
    assert files, (w.messages, view.result.text(), list(tmp_path.rglob("*.pdf"))[:3])
    combined = next(f for f in files if "合订本" in f.name)
    singles = [f for f in files if f != combined]
    pages = [len(PdfReader(f).pages) for f in singles]
    # each sheet starts on a fresh sheet of paper: every odd-length sheet but the last gets a blank
    # page, and so does the one-page contents in front
    odd = sum(n % 2 for n in pages)
    assert odd > 1, pages  # the case that needs padding occurs
    # (the file names sort otherwise than the combined file: the last sheet may be odd or not)
    assert len(PdfReader(combined).pages) - 2 - sum(pages) in (odd, odd - 1)
    assert "「𠮷城区人民法院」中的字符「𠮷」" in view.warnings.text() and view.warnings.isVisible()
    assert any("𠮷城区人民法院" in m for m in w.messages)
    view.combined.setChecked(False)
    assert not view.duplex.isChecked() and not view.duplex.isEnabled()
