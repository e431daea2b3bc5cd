"""One case number, one rule (issue 26): every import and link reads a number through
``core.casenumber.stored_case_number``, so 「…号之一」 stays 「…号之一」 wherever it comes from."""

from __future__ import annotations

import datetime as dt

from workload_app.core.casenumber import lookup_form, stored_case_number
from workload_app.services.imports import import_cases
from workload_app.services.quality import import_appeals
from workload_app.storage import repository as repo

from .conftest import write_xlsx

HEAD = [
    "案号",
    "承办人",
    "承办部门",
    "立案日期",
    "结案日期",
    "结案方式",
    "卷宗页数",
    "庭审笔录页数",
    "裁判文书页数",
]
MAIN = "(2024)渝0106民初3号"
FIRST = "(2024)渝0106民初3号之一"


def test_stored_form_keeps_zhi_yi_and_drops_zeros_and_width():
    assert stored_case_number("（２０２４）渝0106民初0003号之一")[0] == FIRST
    assert stored_case_number("(2024)渝0106民初3")[0] == MAIN  # 号 left off by the export
    assert stored_case_number("(2015)沙法 民初字第00123号")[0] == "(2015)沙法民初字第00123号"
    assert stored_case_number("不是案号")[0] is None
    assert stored_case_number(None)[0] is None
    assert lookup_form(" （2024）渝0106民初03号之一 ") == FIRST


def test_appeal_outcome_of_zhi_yi_links_to_zhi_yi_not_to_the_main_number(roster_db, tmp_path):
    rows = [
        [MAIN, "张三", "民事审判第一庭", "2024-01-05", "2024-08-30", "判决", 100, 5, 5],
        [
            "（2024）渝0106民初0003号之一",
            "张三",
            "民事审判第一庭",
            "2024-01-05",
            "2024-09-30",
            "裁定",
            20,
            0,
            2,
        ],
    ]
    import_cases(roster_db, write_xlsx(tmp_path / "cases.xlsx", [HEAD, *rows]), today=dt.date(2025, 1, 10))
    stored = repo.existing_case_rows(roster_db, [MAIN, FIRST])
    assert sorted(stored) == [MAIN, FIRST]
    appeals = write_xlsx(
        tmp_path / "二审.xlsx",
        [["二审案号", "原审案号", "结果"], ["(2024)渝01民终7号", "(2024)渝0106民初0003号之一", "发回重审"]],
    )
    result = import_appeals(roster_db, appeals, today=dt.date(2025, 1, 20))
    assert (result.total, result.matched) == (1, 1)
    after = repo.existing_case_rows(roster_db, [MAIN, FIRST])
    assert after[FIRST]["appeal_result"] == "发回重审"
    assert after[MAIN]["appeal_result"] is None
