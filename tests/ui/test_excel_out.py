"""Issue 19.6: Excel out from every table, the columns as on screen, in the user's scope; text that
starts like a formula stays text."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from workload_app.services import access
from workload_app.services import quotas as Q
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.excel import ExcelButton

pytestmark = pytest.mark.gui


def _read(path):
    ws = load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    return list(rows[0]), [list(r) for r in rows[1:]], ws


def _shown(model: DataFrameModel) -> tuple[list[str], int]:
    from PySide6.QtCore import Qt

    return [
        model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
    ], model.rowCount()


def test_formula_like_text_is_written_as_text(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    risky = ["=1+1", "+86 138", "-2", "@SUM(A1)", "\tx", "\ry", '=HYPERLINK("http://x")']
    model = DataFrameModel(pd.DataFrame({"name": risky, "sc": [1.5] * len(risky)}), headers={"name": "姓名"})
    button = ExcelButton(model, lambda: "测试")
    qtbot.addWidget(button)
    path = button.export(str(tmp_path / "t"))
    headers, rows, ws = _read(path)
    assert headers == ["姓名", "sc"]
    # XML reads a bare CR back as LF; the text is still the text, never a formula.
    assert [r[0] for r in rows] == [t.replace("\r", "\n") for t in risky]
    assert all(ws.cell(row=i, column=1).data_type == "s" for i in range(2, len(risky) + 2))
    assert [r[1] for r in rows] == [1.5] * len(risky)  # numbers stay numbers


def test_division_head_exports_judges_as_shown_in_own_division(demo_db, open_window, qtbot, tmp_path):
    w = open_window(demo_db, "tingzhang")
    user = access.current(demo_db)
    view = w.view_titled("法官")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and w.tasks.idle(), timeout=30_000)
    view.behind.setChecked(True)  # only the judges behind, as on screen
    path = view.excel.export(str(tmp_path / "judges.xlsx"))
    headers, rows, _ = _read(path)
    shown_headers, shown_rows = _shown(view.model)
    assert headers == shown_headers and len(rows) == shown_rows
    assert {r[headers.index("部门")] for r in rows} == {user.division}
    a = Q.court_assessment(demo_db, 2025, 12).set_index("judge")
    for r in rows:
        judge = r[headers.index("法官")]
        # at the precision shown on screen (2 places), as a number
        assert r[headers.index("标准案件")] == round(float(a.at[judge, "sc"]), 2)
        assert a.at[judge, "completion"] < 1


@pytest.mark.parametrize("title", ["案件", "部门", "任务"])
def test_every_table_exports_what_it_shows(demo_db, open_window, qtbot, tmp_path, title):
    w = open_window(demo_db, "renshi")
    view = w.view_titled(title)
    model = view.excel.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and w.tasks.idle(), timeout=30_000)
    path = view.excel.export(str(tmp_path / f"{title}.xlsx"))
    headers, rows, _ = _read(path)
    shown_headers, shown_rows = _shown(model)
    assert headers == shown_headers and len(rows) == shown_rows


def test_judge_exports_only_own_cases(demo_db, open_window, qtbot, tmp_path):
    w = open_window(demo_db, "faguan")
    me = access.current(demo_db).judge
    view = w.my_view
    w.show_view(view)
    qtbot.waitUntil(lambda: view.cases.rowCount() > 0 and w.tasks.idle(), timeout=30_000)
    headers, rows, _ = _read(view.excel.export(str(tmp_path / "mine.xlsx")))
    assert len(rows) == len(view._all_cases)
    credited = sum(r[headers.index("计入本人")] or 0 for r in rows if r[headers.index("角色")] == "承办")
    assert credited > 0
    w.show_view(w.cases_view)
    qtbot.waitUntil(lambda: w.cases_view.model.rowCount() > 0 and w.tasks.idle(), timeout=30_000)
    headers, rows, _ = _read(w.cases_view.excel.export(str(tmp_path / "cases.xlsx")))
    assert len(rows) == w.cases_view.model.rowCount()
    own = [r for r in rows if r[headers.index("承办法官")] == me]
    assert 0 < len(own) <= len(rows)  # the rest are panels the judge sat on


def test_numbers_at_the_shown_precision_and_dates_as_dates(qtbot, tmp_path, monkeypatch):
    """Issue 30.15: 0.04000000000000001 and dates as text were written as they were held."""
    import datetime as dt

    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    frame = pd.DataFrame(
        {
            "share": [0.1 + 0.2, 0.04000000000000001],
            "pct": [12.345, 99.95],
            "pages": [374, 12],
            "closed_on": ["2025-03-05", "2025-12-31"],
            "at": ["2026-01-02 09:15", "2026-01-02T10:00:00"],
            "note": ["2025-03-05 之前", "x"],
        }
    )
    model = DataFrameModel(frame, decimals={"pct": 1})
    button = ExcelButton(model, lambda: "数值")
    qtbot.addWidget(button)
    _headers, rows, ws = _read(button.export(str(tmp_path / "n")))
    assert [r[0] for r in rows] == [0.3, 0.04] and [r[1] for r in rows] == [12.3, 100.0]
    assert [r[2] for r in rows] == [374, 12]
    assert [r[3] for r in rows] == [dt.datetime(2025, 3, 5), dt.datetime(2025, 12, 31)]
    assert ws.cell(row=2, column=4).is_date and ws.cell(row=2, column=4).number_format == "yyyy-mm-dd"
    assert [r[4] for r in rows] == [dt.datetime(2026, 1, 2, 9, 15), dt.datetime(2026, 1, 2, 10, 0)]
    assert [r[5] for r in rows] == ["2025-03-05 之前", "x"]
    assert ws.cell(row=2, column=2).number_format == "0.0"
