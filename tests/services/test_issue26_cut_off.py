"""One cut-off date for every "as of" figure (issue 26): the end of the chosen period or today,
whichever is earlier, today from a clock bound to the handle. A sheet printed on 7 December for the
year to December counts as of 7 December: a case filed on 31 December of last year is 11 months old
then, not 12, and the window, the 质效 report, the pending list and the sheet say the same."""

from __future__ import annotations

import datetime as dt

import pytest

from workload_app.core import quality as qm
from workload_app.core.params import default_params
from workload_app.services import clock, pending
from workload_app.services import quality as QS
from workload_app.services.imports import import_cases, import_judges
from workload_app.services.parameters import save_params
from workload_app.services.sheets import build_context

from ..importing.conftest import ROSTER, write_xlsx

PRINTED = dt.date(2026, 12, 7)
HEAD = ["案号", "承办人", "承办部门", "立案日期", "结案日期", "卷宗页数", "庭审笔录页数", "裁判文书页数"]


def test_cut_off_by_hand():
    assert qm.cut_off(2026, 12, PRINTED) == PRINTED  # the period runs on: today
    assert qm.cut_off(2026, 6, PRINTED) == dt.date(2026, 6, 30)  # the period is over: its end
    assert qm.cut_off(2026, 12, dt.date(2026, 12, 31)) == dt.date(2026, 12, 31)
    assert qm.cut_off(2027, 3, PRINTED) == dt.date(2027, 1, 1)  # not begun: never before its start
    assert qm.Period.as_of(2026, 12, PRINTED) == qm.Period(dt.date(2026, 1, 1), PRINTED)


@pytest.fixture
def court(sqlite_db, tmp_path):
    db = sqlite_db
    import_judges(db, write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册"))
    rows = [
        HEAD,
        ["(2025)渝0106民初7号", "张三", "民事审判第一庭", "2025-12-31", None],  # 11 months at 12-07
        ["(2025)渝0106民初8号", "张三", "民事审判第一庭", "2025-12-01", None],  # 12 months at 12-07
        ["(2026)渝0106民初9号", "李四", "民事审判第一庭", "2026-01-05", "2026-03-01", 100, 5, 5],
    ]
    import_cases(db, write_xlsx(tmp_path / "cases.xlsx", rows), today=PRINTED)
    save_params(db, default_params(2026, average_year=2026), "测试", "test", publish=True)
    clock.bind(db, lambda: PRINTED)
    return db


def test_long_pending_counts_as_of_today_on_a_period_ending_after_today(court):
    rep = QS.report(court, 2026, 12)
    assert rep.period.end == PRINTED
    assert [c.case_number for c in rep.long_pending] == ["(2025)渝0106民初8号"]
    assert rep.court.pending_12_18 == 1 and rep.court.pending == 2
    assert rep.court.indicator("long_pending_rate").value == 0.5  # 1 of 2 open, not 2 of 2
    at_year_end = QS.report(court, 2026, 12, period=qm.Period.year_to_month(2026, 12))
    assert at_year_end.court.pending_12_18 == 2  # what the sheet wrongly said before


def test_window_list_alert_export_and_sheet_share_the_cut_off(court, tmp_path):
    at = clock.cut_off(court, 2026, 12)
    assert at == PRINTED
    listed = pending.pending_cases(court, at, 12)
    assert listed["case_number"].tolist() == ["(2025)渝0106民初8号"]
    assert len(pending.pending_cases(court, None, 12)) == 1  # default: today from the clock
    ctx = build_context(court, 2026, 12)
    assert ctx.as_of == "2026-12-07"
    assert [c.case_number for c in ctx.quality.long_pending] == listed["case_number"].tolist()
    table = QS.export_table(court, 2026, 12)
    assert set(table["as_of"]) == {"2026-12-07"}
    assert pending.alert_list_pdf(court, tmp_path / "alert.pdf", None, 12, invariant=True) == 1


def test_the_sheet_prints_the_cut_off(court, tmp_path):
    from pypdf import PdfReader

    from workload_app.services.quotas import plan_year
    from workload_app.services.sheets import export_sheets
    from workload_app.services.standard_cases import compute_year

    compute_year(court, 2026)
    plan_year(court, 2026)
    paths = export_sheets(court, 2026, 12, "judge", tmp_path, judge="张三", workers=1)
    text = "".join(page.extract_text() for page in PdfReader(paths[0]).pages)
    compact = "".join(text.split())  # dates are printed in Chinese form (「2026 年 12 月 7 日」)
    assert "统计至2026年12月7日" in compact and "统计至2026年12月31日" not in compact
