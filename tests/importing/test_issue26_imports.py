"""Imports never lose or invent silently (issue 26): total lines are counted and shown, a row with a
valid 案号 is never one; two columns of one meaning are refused naming both; a division not on the
roster is a row problem unless the user creates it; 趙靜 beside 赵静 is a probable duplicate."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from click.testing import CliRunner

from workload_app.cli import cli
from workload_app.core.problems import ImportRejected, WorkloadError
from workload_app.services import roster
from workload_app.services.imports import import_cases, import_judges
from workload_app.storage import repository as repo

from .conftest import ROSTER, write_xlsx

TODAY = dt.date(2025, 1, 10)
HEAD = [
    "序号",
    "案号",
    "承办人",
    "承办部门",
    "立案日期",
    "结案日期",
    "卷宗页数",
    "庭审笔录页数",
    "裁判文书页数",
]


def case(n, first="", judge="张三", division="民事审判第一庭"):
    return [first or n, f"(2024)渝0106民初{n}号", judge, division, "2024-01-05", "2024-03-01", 100, 5, 5]


def test_a_row_with_a_valid_number_is_a_case_and_total_lines_are_counted_and_shown(roster_db, tmp_path):
    rows = [
        HEAD,
        case(1),
        case(2, first="合计以外的案件"),  # starts with 合计 but carries a valid 案号: a case
        ["合计", "", "", "", "", "", 200, 10, 10],
        ["总计：2 件", None, None, None, None, None, None, None, None],
    ]
    path = write_xlsx(tmp_path / "结案.xlsx", rows)
    report = tmp_path / "r.xlsx"
    result = import_cases(roster_db, path, today=TODAY, report_path=report)
    assert (result.new, result.total, result.skipped_footer, result.footer_rows) == (2, 2, 2, [4, 5])
    assert sorted(repo.existing_case_rows(roster_db, ["(2024)渝0106民初1号", "(2024)渝0106民初2号"])) == [
        "(2024)渝0106民初1号",
        "(2024)渝0106民初2号",
    ]
    assert "另有 2 行合计/总计/小计行未计入（第 4、5 行" in result.summary_text()
    assert "2 total/subtotal rows were not counted (row 4, 5" in result.summary_text("en")
    book = openpyxl.load_workbook(report)
    footers = book["未计入的合计行"]
    assert [c.value for c in footers["A"]] == ["行号", 4, 5]
    assert footers["B2"].value == "合计"


def test_the_command_line_shows_the_total_lines(sqlite_db, tmp_path):
    import_judges(sqlite_db, write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册"))
    path = write_xlsx(tmp_path / "结案.xlsx", [HEAD, case(1), ["小计", "", "", "", "", "", 100, 5, 5]])
    db_path = sqlite_db.conn.execute("PRAGMA database_list").fetchone()[2]
    sqlite_db.conn.close()
    out = CliRunner().invoke(cli, ["--db", db_path, "import", str(path)], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    assert "另有 1 行合计/总计/小计行未计入（第 3 行" in out.output


def test_two_columns_of_one_meaning_are_refused_naming_both(roster_db, tmp_path):
    head = [*HEAD, "案卷页数"]
    path = write_xlsx(tmp_path / "两列.xlsx", [head, [*case(1)[:6], None, 5, 5, 250]])
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    zh, en = str(err.value), err.value.render("en")
    assert "两.xlsx" not in zh and "两列.xlsx" in zh
    assert "「卷宗页数」与「案卷页数」（都是卷宗页数）" in zh
    assert "“卷宗页数” and “案卷页数” (both File pages)" in en
    assert repo.existing_case_rows(roster_db, ["(2024)渝0106民初1号"]) == {}


def test_a_division_not_on_the_roster_is_a_row_problem_unless_created(roster_db, tmp_path):
    path = write_xlsx(tmp_path / "笔误.xlsx", [HEAD, case(1), case(2, division="民事审判弟一庭")])
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    (p,) = err.value.problems
    assert (p.row, p.column, p.value, p.code) == (3, "承办部门", "民事审判弟一庭", "import.unknown_division")
    assert "不在名册中（多半是笔误）" in p.message and "not on the roster (most likely a typo)" in p.text(
        "en"
    )
    assert "民事审判弟一庭" not in repo.division_ids(roster_db)
    skipped = import_cases(roster_db, path, today=TODAY, skip_invalid=True)
    assert (skipped.new, skipped.rejected, skipped.created_divisions) == (1, 1, [])
    created = import_cases(roster_db, path, today=TODAY, create_divisions=True)
    assert (created.new, created.created_divisions) == (1, ["民事审判弟一庭"])
    assert "新建部门 1 个：民事审判弟一庭" in created.summary_text()


def test_a_traditional_spelling_of_a_roster_name_is_a_probable_duplicate(roster_db, tmp_path):
    import_judges(
        roster_db,
        write_xlsx(tmp_path / "a.xlsx", [ROSTER[0], ["赵静", "执行局", "审判员", "执行", "2020-01-01", ""]]),
    )
    second = write_xlsx(
        tmp_path / "b.xlsx", [ROSTER[0], ["趙 靜", "执行局", "审判员", "执行", "2021-01-01", ""]]
    )
    with pytest.raises(ImportRejected) as err:
        import_judges(roster_db, second)
    (p,) = err.value.problems
    assert (p.row, p.column, p.code) == (2, "姓名", "import.roster_similar_name")
    assert "「赵静」只差繁简体或空格" in p.message and "“赵静”" in p.text("en")
    assert "趙 靜" not in set(repo.judge_ids(roster_db)) and "趙靜" not in set(repo.judge_ids(roster_db))
    assert import_judges(roster_db, second, confirm_similar=True).summary.new == 1
    assert {"赵静", "趙靜"} <= set(repo.judge_ids(roster_db))  # the roster reads names without spaces


def test_two_spellings_in_one_roster_file_and_in_the_window(roster_db, tmp_path):
    both = write_xlsx(
        tmp_path / "c.xlsx",
        [
            ROSTER[0],
            ["陈丽华", "执行局", "审判员", "执行", "", ""],
            ["陳麗華", "执行局", "审判员", "执行", "", ""],
        ],
    )
    with pytest.raises(ImportRejected) as err:
        import_judges(roster_db, both)
    assert [(p.row, p.value) for p in err.value.problems] == [(3, "陳麗華")]
    with pytest.raises(WorkloadError) as refused:
        roster.add_judge(roster_db, "張三", "民事审判第一庭")
    assert refused.value.code == "roster.similar_name" and "「张三」" in str(refused.value)
    roster.add_judge(roster_db, "張三", "民事审判第一庭", confirm_similar=True)
    assert "張三" in set(repo.judge_ids(roster_db))


def test_create_judges_does_not_create_a_traditional_twin(roster_db, tmp_path):
    path = write_xlsx(tmp_path / "d.xlsx", [HEAD, case(1, judge="張三"), case(2, judge="孙七")])
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY, create_judges=True)
    assert [(p.row, p.code) for p in err.value.problems] == [(2, "import.similar_judge")]
    result = import_cases(roster_db, path, today=TODAY, create_judges=True, skip_invalid=True)
    assert result.created_judges == ["孙七"] and "張三" not in set(repo.judge_ids(roster_db))


def test_a_csv_is_previewed_from_its_first_chunk_and_imported_in_chunks(roster_db, tmp_path, monkeypatch):
    from workload_app.importing import readers
    from workload_app.services import case_rows, imports

    monkeypatch.setattr(readers, "CSV_CHUNK_ROWS", 7)  # 25 rows: four chunks
    monkeypatch.setattr(case_rows, "CSV_CHUNK_ROWS", 7)
    lines = (
        [",".join(HEAD)] + [",".join(map(str, case(n))) for n in range(1, 26)] + ["合计,,,,,,2500,125,125"]
    )
    path = tmp_path / "大文件.csv"
    path.write_text("\n".join(lines) + "\n", encoding="gbk")
    shown = imports.preview(roster_db, path)
    assert shown["header_row"] == 1 and len(shown["rows"]) == 6  # the first chunk, under the header
    result = import_cases(roster_db, path, today=TODAY)
    assert (result.total, result.new, result.skipped_footer, result.footer_rows) == (25, 25, 1, [27])
    again = import_cases(roster_db, path, today=TODAY)
    assert (again.new, again.unchanged, again.batch_id) == (0, 25, None)
