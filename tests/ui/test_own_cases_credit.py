"""Issue 19.3: a judge's own case list adds up to the tally (credited share per case)."""

from __future__ import annotations

import dataclasses

import pytest

from workload_app.services import access
from workload_app.services import parameters as P
from workload_app.services import standard_cases as S

pytestmark = pytest.mark.gui


def _shares(db, responsible: float, member: float) -> None:
    params, _ = P.current_params(db, 2025)
    panel = dataclasses.replace(params.panel, responsible_share=responsible, member_share=member)
    P.save_params(db, dataclasses.replace(params, panel=panel), "合议庭份额")
    P.publish(db, 2025, "合议庭份额")


@pytest.mark.parametrize(("responsible", "member"), [(1.0, 0.0), (0.6, 0.2)])
def test_my_workload_list_adds_up_to_the_tally(demo_db, open_window, qtbot, responsible, member):
    _shares(demo_db, responsible, member)
    w = open_window(demo_db, "faguan")
    judge = access.current(demo_db).judge
    tally = S.court_tally(demo_db, 2025, 12).set_index("judge").loc[judge]
    view = w.my_view
    w.show_view(view)
    qtbot.waitUntil(lambda: view.cases.rowCount() > 0 and w.tasks.idle(), timeout=30_000)
    cases = view._all_cases
    trial = cases["unit"] == "trial"
    assert cases.loc[trial, "credited"].sum() == pytest.approx(tally["sc_trial"], abs=1e-6)
    assert (cases["role_in_case"] == "承办").sum() == tally["cases"]
    panel_rows = cases[cases["role_in_case"] == "合议庭成员"]
    assert len(panel_rows) > 0  # the demo judge sits on colleagues' panels
    assert panel_rows["credited"].fillna(0).to_numpy() == pytest.approx(
        (panel_rows["sc"].fillna(0) * member).to_numpy()
    )
    assert f"{tally['sc_trial']:.2f}" in view.credit_note.text()
    # The explanation of a panel case says what it earns this judge.
    row = int(panel_rows.index[0])
    view.case_table.selectRow(row)
    qtbot.waitUntil(lambda: "\n" in view.explanation.toPlainText() and w.tasks.idle(), timeout=30_000)
    text = view.explanation.toPlainText()  # made on the worker when the row is selected
    if member == 0:
        assert "份额为 0：本案不计入本人工作量" in text
    else:
        assert "本人为合议庭成员，计入本人" in text and "× 0.2 =" in text

    # 案件 shows the same credit and the same total.
    w.show_view(w.cases_view)
    qtbot.waitUntil(lambda: w.cases_view.model.rowCount() > 0 and w.tasks.idle(), timeout=30_000)
    frame = w.cases_view.frame
    assert frame.loc[frame["unit"] == "trial", "credited"].sum() == pytest.approx(tally["sc_trial"], abs=1e-6)
    assert f"审判 {tally['sc_trial']:,.2f}" in w.cases_view.count.text()
