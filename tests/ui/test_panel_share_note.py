"""Issue 30.11: with panel shares (0.6 to the responsible judge, 0.2 to each other member) a
division's cases add up to one figure in 案件 and its 已完成 is another in 部门; where both show (the
window, the division sheet) a note says why, and the sheet's judges stand in the order it states."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader

from workload_app.core import formatting as fmt
from workload_app.core.formatting import ROLE_ORDER
from workload_app.reports.division_sheet import division_sheet
from workload_app.services import access
from workload_app.services import parameters as P
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.services.sheets import build_context, division_figures

pytestmark = pytest.mark.gui


def _panel_shares(db) -> None:
    params, _ = P.current_params(db, 2025)
    panel = dataclasses.replace(params.panel, responsible_share=0.6, member_share=0.2)
    P.save_params(db, dataclasses.replace(params, panel=panel), "合议庭份额")
    P.publish(db, 2025, "合议庭份额")


def test_division_case_total_and_done_differ_and_the_window_and_sheet_say_why(demo_db, open_window, qtbot):
    _panel_shares(demo_db)
    w = open_window(demo_db, "tingzhang")
    division = access.current(demo_db).division
    w.month_box.setCurrentIndex(5)  # through June
    merged, _, _ = S.results(demo_db, 2025)
    mine = merged[(merged["division"] == division) & (merged["closed_month"] <= 6)]
    case_total = float(mine["sc"].sum())
    done = float(Q.court_division_assessment(demo_db, 2025, 6).set_index("division").loc[division, "sc"])
    assert round(case_total, 2) != round(done, 2)  # the two figures a 庭长 compared
    # 案件, filtered to the division: the cases' total, and the note
    cases = w.view_titled("案件")
    qtbot.waitUntil(lambda: len(cases.frame) > 0 and w.tasks.idle(), timeout=60_000)
    assert "按份额计入" not in cases.count.text()
    cases.division.setCurrentText(division)
    assert f"标准案件合计 {case_total:,.2f}" in cases.count.text()
    assert "「部门」页的已完成是本部门法官按份额计入之和" in cases.count.text()
    # 部门: the division's 已完成, and the same note
    divisions = w.view_titled("部门")
    qtbot.waitUntil(lambda: divisions.model.rowCount() > 0 and w.tasks.idle(), timeout=60_000)
    row = divisions.model.frame().set_index("division").loc[division]
    assert float(row["sc"]) == pytest.approx(done)
    assert "「已完成」是本部门法官按份额计入的标准案件之和；「案件」页按每件全额合计" in divisions.note.text()
    # the division sheet prints both figures and why they differ, judges by post then name
    ctx = build_context(demo_db, 2025, 6, "x")
    figures = division_figures(ctx, division)
    assert figures["case_sc"] == pytest.approx(case_total)
    assert figures["division"].sc == pytest.approx(done)
    keys = [(ROLE_ORDER.index(j.post), j.judge) for j in figures["judges"]]
    assert keys == sorted(keys)
    text = re.sub(
        r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(division_sheet(figures))).pages)
    )
    assert (
        f"「已完成」{fmt.sc(done)}是本部门法官按份额计入的审判标准案件之和（承办份额0.6，合议庭成员份额0.2）；"
        f"本部门所结案件按每件全额合计为{fmt.sc(case_total)}。"
    ) in text
    assert "法官按职务（院长、副院长、专职委员、庭长、副庭长、审判员）排列" in text
