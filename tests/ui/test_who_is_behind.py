"""Issue 19.4: who is behind — bands, the 只看未达进度 filter, court and last year beside each
division, and a 庭长 sees the court's figures without other judges' names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workload_app.services import access
from workload_app.services import quotas as Q
from workload_app.ui.views.people import BAND_COLOURS

pytestmark = pytest.mark.gui


def test_divisions_beside_court_and_last_year(demo_db, open_window, qtbot):
    w = open_window(demo_db, "renshi")
    w.month_box.setCurrentIndex(5)  # through June
    view = w.view_titled("部门")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and w.tasks.idle(), timeout=60_000)
    frame = view.model.frame().set_index("division")
    now = Q.court_division_assessment(demo_db, 2025, 6).set_index("division")
    last = Q.court_division_assessment(demo_db, 2024, 6).set_index("division")
    for track in ("trial", "enforcement"):
        part = now[now["track"] == track]
        court = part["sc"].sum() / part["target_to_date"].sum() * 100
        shown = frame.loc[part.index, "court_completion_pct"]
        assert shown.to_numpy() == pytest.approx([court] * len(part))
    assert frame["sc_last_year"].to_numpy() == pytest.approx(last.loc[frame.index, "sc"].to_numpy())
    change = (now.loc[frame.index, "sc"] - last.loc[frame.index, "sc"]) / last.loc[frame.index, "sc"] * 100
    assert frame["change_pct"].to_numpy() == pytest.approx(change.to_numpy())
    # Coloured by band: a division under 60 % is red, one at or over 100 % green.
    col = list(view.model.frame().columns).index("completion_pct")
    for r in range(view.model.rowCount()):
        pct = view.model.frame().iloc[view.model.source_row(r)]["completion_pct"]
        colour = view.model.data(view.model.index(r, col), Qt.ItemDataRole.BackgroundRole).name()
        expected = BAND_COLOURS[sum(pct >= e for e in (60, 80, 100, 120))]
        assert colour == expected
    view.behind.setChecked(True)
    behind = int((now["completion"] < 1).sum())
    assert view.model.rowCount() == behind < len(now)


def test_division_head_filters_own_judges_and_sees_court_figures(demo_db, open_window, qtbot):
    w = open_window(demo_db, "tingzhang")
    me = access.current(demo_db)
    view = w.view_titled("法官")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and w.tasks.idle(), timeout=30_000)
    a = Q.court_assessment(demo_db, 2025, 12)
    mine = a[a["division"] == me.division]
    view.behind.setChecked(True)
    shown = {view.model.row_at(r)["judge"] for r in range(view.model.rowCount())}
    assert shown == set(mine.loc[mine["completion"] < 1, "judge"])
    assert f"未达进度 {len(shown)} 名" in view.title.text()
    trial = a[a["track"] == "trial"]
    court = trial["sc"].sum() / trial["target_to_date"].sum()
    assert f"完成率 {court:.1%}" in view.court.text() and view.court.text().startswith("全院对比")
    others = set(a["judge"]) - set(mine["judge"])
    assert not any(name in view.court.text() for name in others)
    assert set(view.model.frame()["judge"]) <= set(mine["judge"])
