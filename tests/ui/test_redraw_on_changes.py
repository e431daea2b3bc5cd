"""Issue 16.6: an action's Changes redraws the views that depend on what it changed, no others;
the roster import runs on the worker."""

from __future__ import annotations

import pytest

from workload_app.services.changes import Changes
from workload_app.services.demo import DemoSummary

pytestmark = pytest.mark.gui


def _roster(demo_db, tmp_path):
    division = demo_db.execute("SELECT name FROM divisions ORDER BY id LIMIT 1").fetchone()[0]
    path = tmp_path / "名册.csv"
    path.write_text(
        f"姓名,部门,职务,类别,入额日期\n新来的法官,{division},审判员,审判,2025-03-01\n", encoding="utf-8"
    )
    return path


def _import_roster(w, qtbot, path, monkeypatch):
    from workload_app.ui import file_dialogs

    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(path))
    before = len(w.messages)
    w.import_roster()
    qtbot.waitUntil(lambda: len(w.messages) > before and w.tasks.idle(), timeout=30_000)


def _count_refreshes(monkeypatch, view) -> list:
    calls: list = []
    original = view.refresh
    monkeypatch.setattr(view, "refresh", lambda *a, **k: (calls.append(1), original(*a, **k)))
    return calls


def test_a_roster_import_redraws_the_cases_view_not_the_parameters_view(
    demo_db, open_window, qtbot, tmp_path, monkeypatch
):
    w = open_window(demo_db)
    heard: list[Changes] = []
    w.changed.connect(heard.append)
    cases = w.view_titled("案件")
    qtbot.waitUntil(w.tasks.idle, timeout=30_000)
    cases_refreshes = _count_refreshes(monkeypatch, cases)
    _import_roster(w, qtbot, _roster(demo_db, tmp_path), monkeypatch)
    assert "新增 1" in w.messages[-1]
    assert len(cases_refreshes) == 1  # depends on the roster: redrawn once
    assert heard and heard[-1].judges and "roster" in heard[-1].flags()

    params = w.view_titled("参数")
    params_refreshes = _count_refreshes(monkeypatch, params)
    path = tmp_path / "名册2.csv"
    path.write_text(
        _roster(demo_db, tmp_path).read_text(encoding="utf-8").replace("新来的法官", "又一位法官"),
        encoding="utf-8",
    )
    _import_roster(w, qtbot, path, monkeypatch)
    assert "新增 1" in w.messages[-1]
    assert params_refreshes == []  # the parameters do not depend on the roster
    assert (
        demo_db.execute("SELECT COUNT(*) FROM judges WHERE name IN ('新来的法官','又一位法官')").fetchone()[0]
        == 2
    )


def test_changes_name_what_they_touch():
    assert Changes(quotas=True).touches({"plans"}) and not Changes(quotas=True).touches({"cases"})
    both = Changes(cases=True) | Changes(accounts=True, summary=DemoSummary(cases=1))
    assert both.flags() == {"cases", "accounts"} and both.summary == DemoSummary(cases=1)
    assert not Changes().touches(set(Changes.FLAGS))


def test_court_settings_redraw_the_sheets_view_and_an_unchanged_save_redraws_nothing(demo_db, open_window):
    """The court settings (main's newer action) carry the ``settings`` flag: the 报表 view, whose
    headers show the court's name, depends on it; a save that changes nothing touches no view."""
    from workload_app.services import court

    w = open_window(demo_db)
    changed = court.set_court_settings(demo_db, name="测试区人民法院")
    assert changed.flags() == {"settings"}
    assert changed.touches(w.SUBSCRIPTIONS["SheetsView"])
    assert not changed.touches(w.SUBSCRIPTIONS["ParametersView"])
    assert court.set_court_settings(demo_db, name="测试区人民法院").flags() == frozenset()
    assert w.SUBSCRIPTIONS["RosterView"] == {"roster"}  # the 名册 view redraws on roster changes
    names = {type(v).__name__ for v in w.views}
    assert names <= set(w.SUBSCRIPTIONS)  # every view of the window says what it depends on
