"""Amounts beyond the court's ceiling (default 10^11 yuan) are refused at import with the file,
row and column named, in Chinese and English; the ceiling is a court setting (issue 26)."""

from __future__ import annotations

import datetime as dt

import pytest

from workload_app.core.problems import ImportRejected, WorkloadError
from workload_app.services.imports import amount_ceiling, import_cases, set_amount_ceiling
from workload_app.storage import repository as repo

from .conftest import write_xlsx

HEAD = ["案号", "承办人", "承办部门", "立案日期", "结案日期", "结案方式", "申请执行标的金额", "执行到位金额"]
TODAY = dt.date(2025, 1, 10)


def row(n, applied, recovered):
    return [
        f"(2024)渝0106执{n}号",
        "赵六",
        "执行局",
        "2024-02-01",
        "2024-05-01",
        "执行完毕",
        applied,
        recovered,
    ]


def test_an_amount_at_the_ceiling_is_kept(roster_db, tmp_path):
    assert amount_ceiling(roster_db) == 100_000_000_000
    path = write_xlsx(tmp_path / "at.xlsx", [HEAD, row(1, 100_000_000_000, "10000000万元")])
    assert import_cases(roster_db, path, today=TODAY).new == 1
    stored = repo.existing_case_rows(roster_db, ["(2024)渝0106执1号"])["(2024)渝0106执1号"]
    assert (stored["enforcement_applied"], stored["enforcement_recovered"]) == (1e11, 1e11)


def test_an_amount_above_the_ceiling_is_refused_naming_file_row_and_column(roster_db, tmp_path):
    path = write_xlsx(
        tmp_path / "结案.xlsx",
        [HEAD, row(1, 100, 50), row(2, 500106198001011234, 500106198001011234), row(3, 100000000000.01, 0)],
    )
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    found = [(p.file, p.row, p.column, p.code) for p in err.value.problems]
    assert found == [
        ("结案.xlsx", 3, "申请执行标的金额", "import.amount_ceiling_row"),
        ("结案.xlsx", 3, "执行到位金额", "import.amount_ceiling_row"),
        ("结案.xlsx", 4, "申请执行标的金额", "import.amount_ceiling_row"),
    ]
    first = err.value.problems[0]
    assert "超过上限 100,000,000,000 元" in first.message
    assert "above the limit of 100,000,000,000 yuan" in first.text("en")
    assert repo.existing_case_rows(roster_db, ["(2024)渝0106执1号"]) == {}  # nothing stored


def test_the_ceiling_is_a_court_setting_with_sane_bounds(roster_db, tmp_path):
    set_amount_ceiling(roster_db, 1_000)
    path = write_xlsx(tmp_path / "small.xlsx", [HEAD, row(1, 1000, 1000.01)])
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    assert [(p.row, p.column) for p in err.value.problems] == [(2, "执行到位金额")]
    for bad in (0, 10**13 + 1):
        with pytest.raises(WorkloadError) as refused:
            set_amount_ceiling(roster_db, bad)
        assert refused.value.code == "import.amount_ceiling"
    assert amount_ceiling(roster_db) == 1_000
