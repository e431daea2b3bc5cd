"""Import problems are coded texts: the same problem reads in Chinese (the default, as it always
did) and in English, naming the file, the row, the column as headed in the file and what was
expected; the problem report is written in the user's language (issue 27, issue 30 point 4)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from workload_app.core.problems import ImportRejected
from workload_app.services.imports import import_cases, import_judges

from .conftest import write_csv, write_xlsx

TODAY = dt.date(2025, 1, 10)
HEAD = ["案号", "承办人", "承办部门", "立案日期", "结案日期", "卷宗页数"]
ROWS = [
    HEAD,
    ["(2024)渝0106民初1号", "张三", "民事审判第一庭", "2024-02-01", "2024-05-01", "十二"],
    ["(2024)渝0106民初1号", "张三", "民事审判第一庭", "2024-02-01", "2024-05-01", 12],
    ["(2024)渝0106民初3号", "李四", "民事审判第一庭", "2024-06-01", "2024-05-01", 30],
]


def _refused(db, path, **options):
    with pytest.raises(ImportRejected) as err:
        import_cases(db, path, today=TODAY, **options)
    return {(p.row, p.column): p for p in err.value.problems}


def test_a_refused_cell_names_file_row_column_and_the_expected_value_in_english(roster_db, tmp_path):
    found = _refused(roster_db, write_xlsx(tmp_path / "2月结案.xlsx", ROWS))
    pages, repeat, closed = found[(2, "卷宗页数")], found[(3, "案号")], found[(4, "结案日期")]
    assert pages.render("en") == (
        "2月结案.xlsx, row 2, column “卷宗页数”: Pages should be a whole number of at least 0, "
        "not “十二” (value: 十二)"
    )
    assert repeat.render("en") == (
        "2月结案.xlsx, row 3, column “案号”: The case number repeats row 2 (value: (2024)渝0106民初1号)"
    )
    assert closed.text("en") == "The closing date 2024-05-01 is before the filing date 2024-06-01"
    # the same problems in Chinese, as the command line has always printed them
    assert (
        pages.render()
        == "2月结案.xlsx，第 2 行，「卷宗页数」列：页数应为非负整数，而不是「十二」（值：十二）"
    )
    assert repeat.message == "案号与第 2 行重复"


def test_the_problem_report_is_written_in_the_users_language(roster_db, tmp_path):
    source = write_xlsx(tmp_path / "2月结案.xlsx", ROWS)
    with pytest.raises(ImportRejected):
        import_cases(roster_db, source, today=TODAY, lang="en")
    report = tmp_path / "2月结案-problems.xlsx"  # named in English beside the file
    book = openpyxl.load_workbook(report)
    assert book.sheetnames == ["Problems", "Rejected rows"]
    rows = list(book["Problems"].values)
    assert rows[0] == ("File", "Row", "Column", "Value", "Problem")
    assert (
        "2月结案.xlsx",
        4,
        "结案日期",
        "2024-05-01",
        "The closing date 2024-05-01 is before the filing date 2024-06-01",
    ) in rows
    rejected = list(book["Rejected rows"].values)
    assert rejected[0] == ("Row", *HEAD, "Problem")
    assert rejected[1][-1] == "卷宗页数: Pages should be a whole number of at least 0, not “十二”"


def test_the_chinese_report_keeps_its_name_and_headings(roster_db, tmp_path):
    source = write_xlsx(tmp_path / "2月结案.xlsx", ROWS)
    with pytest.raises(ImportRejected):
        import_cases(roster_db, source, today=TODAY)
    book = openpyxl.load_workbook(tmp_path / "2月结案-问题报告.xlsx")
    assert book.sheetnames == ["问题清单", "被拒绝的行"]
    assert next(book["问题清单"].values) == ("文件", "行号", "列", "值", "问题")


def test_a_file_refused_at_a_row_says_where_in_english(roster_db, tmp_path):
    lines = [HEAD, ["(2024)渝0106民初1号", "张三", '"民事审判第一庭', "2024-02-01", "2024-05-01", 3]]
    lines += [["(2024)渝0106民初2号", "张三", "民事审判第一庭", "2024-02-01", "2024-05-01", 3]] * 8
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, write_csv(tmp_path / "结案.csv", lines), today=TODAY)
    english = err.value.render("en")
    assert english == (
        '结案.csv: Row 2, column “承办部门”: This cell starts with a quote " that is never closed: lines 3–10 '
        "were merged into it (8 records fewer); one case per line is expected: delete the quote, or write "
        'a quote inside a cell as two ""'
    )
    assert str(err.value).startswith(
        '结案.csv：第 2 行「承办部门」列：这一格以英文引号 " 开始却没有配对的引号，第 3–10 行'
    )


def test_a_roster_row_refused_in_english(db, tmp_path):
    roster = [
        ["姓名", "部门", "职务", "类别", "入额日期", "离任日期"],
        ["张三", "民事审判第一庭", "庭长", "审判", "2018-01-01", ""],
        ["李四", "民事审判第一庭", "书记", "审判", "2019-03-01", "2018-01-01"],
    ]
    with pytest.raises(ImportRejected) as err:
        import_judges(db, write_xlsx(tmp_path / "名册.xlsx", roster, sheet="名册"))
    found = {(p.row, p.column): p.render("en") for p in err.value.problems}
    assert found[(3, "职务")] == (
        "名册.xlsx, row 3, column “职务”: The post should be one of "
        "President/Vice president/Judicial committee member/Division head/Deputy division head/Judge (value: 书记)"
    )
    assert found[(3, "离任日期")] == (
        "名册.xlsx, row 3, column “离任日期”: The date the judge left is before the date they took up the post "
        "(value: 2018-01-01)"
    )
