"""Imports lose nothing silently (issue 14): every file here was imported wrongly, or crashed the
process, before; each is now refused naming file, row and column, or matched as the court means."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from workload_app.core.problems import ImportRejected
from workload_app.services import imports
from workload_app.services.imports import import_cases, import_judges

from .conftest import ROSTER, case_rows, write_csv, write_xlsx
from .hostile import csv_text, with_error_cells, with_far_cell, zip_bomb

TODAY = dt.date(2025, 1, 15)


def text_rows():
    return [[c.isoformat() if isinstance(c, dt.date) else c for c in r] for r in case_rows()]


def count(db, table="cases"):
    return db.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608


def judge_of(db, number):
    return db.conn.execute(
        "SELECT j.name, d.name FROM cases c JOIN judges j ON j.id = c.judge_id "
        "LEFT JOIN divisions d ON d.id = c.division_id WHERE case_number = ?",
        (number,),
    ).fetchone()


# ---------------------------------------------------------------- csv


def test_stray_quote_in_csv_swallowing_later_rows_is_refused_naming_the_row(roster_db, tmp_path):
    rows = text_rows()
    rows[2][2] = '"离婚纠纷'  # file row 3: 案由 starting with a quote; main imported 2 rows of 4
    path = tmp_path / "引号.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    [problem] = err.value.problems
    assert (problem.file, problem.row, problem.column) == ("引号.csv", 3, "案由")
    assert "第 4–5 行被并入" in problem.message
    assert str(err.value).startswith("引号.csv：第 3 行「案由」列：")
    assert count(roster_db) == 0


def test_a_short_quoted_note_spanning_two_lines_still_imports(roster_db, tmp_path):
    rows = text_rows()
    rows[2][2] = '"离婚纠纷\n（反诉）"'
    path = tmp_path / "备注.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    assert import_cases(roster_db, path, today=TODAY).new == 4
    assert (
        roster_db.conn.execute("SELECT cause FROM cases WHERE cause LIKE '离婚%'").fetchone()[0]
        == "离婚纠纷 (反诉)"
    )


def test_csv_cell_longer_than_the_csv_field_limit_is_refused_naming_the_row(roster_db, tmp_path):
    rows = text_rows()
    rows[3][2] = '"盗窃罪' + "罪" * 200_000  # main: a csv.Error traceback
    path = write_csv(tmp_path / "长.csv", rows, "gb18030")
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    assert err.value.problems[0].row == 4
    assert "超过 131072 个字符" in str(err.value) and len(str(err.value)) < 300


# ---------------------------------------------------------------- error and formula cells


def test_formula_without_value_and_error_cells_are_errors_naming_the_cell(roster_db, tmp_path):
    path = with_error_cells(tmp_path / "公式.xlsx", {"J2": "#DIV/0!", "K3": "", "C4": "#N/A"})
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    found = {(p.row, p.column): p for p in err.value.problems}
    assert set(found) == {(2, "卷宗页数"), (3, "庭审笔录页数"), (4, "案由")}
    assert "#DIV/0!" in found[(2, "卷宗页数")].message
    assert "没有计算结果" in found[(3, "庭审笔录页数")].message
    assert "#N/A" in found[(4, "案由")].message
    assert count(roster_db) == 0


def test_error_literals_in_a_csv_are_errors_not_text(roster_db, tmp_path):
    rows = text_rows()
    rows[1][9] = "#DIV/0!"
    rows[2][2] = "#N/A"
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, write_csv(tmp_path / "错误值.csv", rows), today=TODAY)
    assert {(p.row, p.column) for p in err.value.problems} == {(2, "卷宗页数"), (3, "案由")}


# ---------------------------------------------------------------- crafted workbooks


@pytest.mark.parametrize("ref", ["XFD1048576", "GS1048576"])
def test_one_cell_far_outside_the_data_is_refused_before_reading(roster_db, tmp_path, ref):
    path = with_far_cell(tmp_path / f"{ref}.xlsx", ref)
    assert path.stat().st_size < 10_000
    with pytest.raises(ImportRejected, match=f"{ref} 远在数据之外"):
        import_cases(roster_db, path, today=TODAY)


def test_zip_bomb_is_refused_with_a_short_message(roster_db, tmp_path):
    path = zip_bomb(tmp_path / "炸弹.xlsx", 64)
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    assert "zip 炸弹" in str(err.value) and len(str(err.value)) < 200


def test_cell_over_excel_limit_is_refused_and_messages_stay_readable(roster_db, tmp_path):
    rows = text_rows()
    rows[2][9] = "9" * 40_000
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, write_csv(tmp_path / "巨.csv", rows), today=TODAY)
    [p] = err.value.problems
    assert (p.row, p.column) == (3, "卷宗页数") and "32,767" in p.message
    assert len(p.render()) < 200
    rows[2][9] = "9" * 30_000  # within a cell's limit: a page count message quoting it stays short
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, write_csv(tmp_path / "巨2.csv", rows), today=TODAY)
    assert "超过上限" in err.value.problems[0].message and len(err.value.problems[0].render()) < 300


def test_xml_cell_beyond_excel_limit_is_refused(roster_db, tmp_path):
    from .hostile import rewrite_sheet

    path = rewrite_sheet(
        write_xlsx(tmp_path / "长格.xlsx", case_rows()),
        lambda xml: xml.replace(
            b"<t>\xe7\xa6\xbb\xe5\xa9\x9a\xe7\xba\xa0\xe7\xba\xb7</t>", b"<t>" + b"x" * 200_000 + b"</t>"
        ),
    )
    with pytest.raises(ImportRejected, match="超过 32767 个字符"):
        import_cases(roster_db, path, today=TODAY)


def test_clip_cuts_and_says_the_length():
    from workload_app.core.text import clip

    assert clip("案" * 10) == "案" * 10
    assert clip("a\nb") == "a b"
    assert clip("x" * 1000) == "x" * 60 + "…（共 1000 个字符）"


# ---------------------------------------------------------------- dates


def test_implausible_dates_are_errors(roster_db, tmp_path):
    rows = text_rows()
    rows[1][5], rows[1][6] = "1989-12-31", "2024-06-01"  # filed before 1990
    rows[2][6] = "2023-12-01"  # closed in 2023, number (2024)…, filed 2024-03-05: before filing
    rows[3][5], rows[3][6] = "2023-03-05", "2023-08-01"  # closed a year before the number's year
    rows[4][6] = "2025-01-16"  # after today
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, write_csv(tmp_path / "日期.csv", rows), today=TODAY)
    messages = {(p.row, p.column): p.message for p in err.value.problems}
    assert set(messages) == {(2, "立案日期"), (3, "结案日期"), (4, "结案日期"), (5, "结案日期")}
    assert "早于 1990 年" in messages[(2, "立案日期")]
    assert "早于立案日期" in messages[(3, "结案日期")]
    assert "早于案号中的年度 2024 年" in messages[(4, "结案日期")]
    assert "晚于今天" in messages[(5, "结案日期")]


# ---------------------------------------------------------------- page ceiling


def test_page_count_above_the_ceiling_is_refused_naming_row_and_column(roster_db, tmp_path):
    rows = case_rows()
    rows[1][9] = 999_999  # main: accepted, 108,970 standard cases for one judge
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, write_xlsx(tmp_path / "页数.xlsx", rows), today=TODAY)
    [p] = err.value.problems
    assert (p.row, p.column) == (2, "卷宗页数")
    assert "超过上限 100,000" in p.message
    rows[1][9] = 100_000
    assert import_cases(roster_db, write_xlsx(tmp_path / "页数2.xlsx", rows), today=TODAY).new == 4


def test_page_ceiling_is_a_court_wide_setting_audited(roster_db, tmp_path):
    assert imports.page_ceiling(roster_db) == 100_000
    imports.set_page_ceiling(roster_db, 5000)
    assert imports.page_ceiling(roster_db) == 5000
    audit = roster_db.conn.execute(
        "SELECT before, after FROM audit_log WHERE action = 'import.page_ceiling'"
    ).fetchall()
    assert [(json.loads(b), json.loads(a)) for b, a in audit] == [(100000, 5000)]
    rows = case_rows()
    rows[1][9] = 5001
    with pytest.raises(ImportRejected, match="1 行有问题"):
        import_cases(roster_db, write_xlsx(tmp_path / "p.xlsx", rows), today=TODAY)


# ---------------------------------------------------------------- look-alike names


def test_name_key_folds_lookalikes():
    from workload_app.core.text import name_key

    assert (
        name_key("买买提·艾力")
        == name_key("买买提•艾力")
        == name_key("买买提・艾力")
        == name_key("买买提．艾力")
    )
    assert (
        name_key("张\u200b三") == name_key("张\u3000三") == name_key("张三") == name_key("\ufeff张 三\u200d")
    )
    assert name_key("张三") != name_key("张四")


def test_lookalike_names_match_the_roster_and_store_its_spelling(roster_db, tmp_path):
    import_judges(
        roster_db,
        write_xlsx(
            tmp_path / "名册2.xlsx",
            [ROSTER[0], ["买买提·艾力", "执行局", "审判员", "执行", "2020-01-01", ""]],
        ),
    )
    rows = case_rows()
    rows[1][3] = "张\u200b三"  # zero-width space; main: 不在名册中
    rows[2][3] = "李\u3000四"
    rows[3][3] = "王五\u2060"
    rows[4][3] = "买买提•艾力"
    rows[1][12] = "李\u200d四、王\u200b五"
    result = import_cases(roster_db, write_xlsx(tmp_path / "名字.xlsx", rows), today=TODAY)
    assert result.new == 4 and not result.created_judges
    names = {r[0] for r in roster_db.conn.execute("SELECT name FROM judges")}
    assert names == {"张三", "李四", "王五", "赵六", "买买提·艾力"}
    assert judge_of(roster_db, "(2024)渝0106执100号")[0] == "买买提·艾力"
    panel = roster_db.conn.execute("SELECT panel FROM cases WHERE case_number = '(2024)渝0106民初1234号'")
    assert panel.fetchone()[0] == "李四、王五"


def test_lookalike_names_in_a_roster_update_the_stored_judge(roster_db, tmp_path):
    before = count(roster_db, "judges")
    import_judges(
        roster_db,
        write_xlsx(
            tmp_path / "名册3.xlsx",
            [ROSTER[0], ["李\u200b四", "刑事审判庭", "审判员", "审判", "2019-03-01", ""]],
        ),
    )
    assert count(roster_db, "judges") == before
    row = roster_db.conn.execute(
        "SELECT d.name FROM judges j JOIN divisions d ON d.id = j.division_id WHERE j.name = '李四'"
    ).fetchone()
    assert row[0] == "刑事审判庭"
    dup = [
        ROSTER[0],
        ["王·五", "刑事审判庭", "审判员", "审判", "", ""],
        ["王•五", "执行局", "审判员", "执行", "", ""],
    ]
    with pytest.raises(ImportRejected) as err:
        import_judges(roster_db, write_xlsx(tmp_path / "名册4.xlsx", dup))
    assert err.value.problems[0].row == 3 and "与第 2 行重复" in err.value.problems[0].message


# ---------------------------------------------------------------- conflicting re-imports


def test_case_arriving_for_another_judge_is_a_conflict_until_reassign(roster_db, tmp_path):
    import_cases(roster_db, write_xlsx(tmp_path / "一.xlsx", case_rows()), today=TODAY)
    rows = case_rows()
    rows[1][3] = "王五"  # 张三 -> 王五, same division column
    rows[3][4] = "民事审判第一庭"  # 王五's case moves division
    path = write_xlsx(tmp_path / "二.xlsx", rows)
    held = import_cases(roster_db, path, today=TODAY)  # main: silently reassigned
    assert judge_of(roster_db, "(2024)渝0106民初1234号") == ("张三", "民事审判第一庭")
    assert (held.new, held.updated, held.unchanged, len(held.conflicts)) == (0, 0, 2, 2)
    assert {(p.row, p.code) for p in held.problems} == {(2, "reassign_conflict"), (4, "reassign_conflict")}
    assert "已导入给 张三（民事审判第一庭）" in held.conflicts[0].message
    assert judge_of(roster_db, "(2024)渝0106民初1234号") == ("张三", "民事审判第一庭")
    assert held.report_path is not None and held.report_path.exists()
    assert "--reassign" in held.summary_text()

    applied = import_cases(roster_db, path, today=TODAY, reassign=True)
    assert (applied.updated, len(applied.reassigned)) == (2, 2)
    assert judge_of(roster_db, "(2024)渝0106民初1234号") == ("王五", "民事审判第一庭")
    assert judge_of(roster_db, "(2024)渝0106刑初12号") == ("王五", "民事审判第一庭")
    before, after = roster_db.conn.execute(
        "SELECT before, after FROM audit_log WHERE action = 'import.reassign'"
    ).fetchone()
    assert {(m["case_number"], m["from_judge"]) for m in json.loads(before)} == {
        ("(2024)渝0106民初1234号", "张三"),
        ("(2024)渝0106刑初12号", "王五"),
    }
    assert {(m["case_number"], m["to_division"]) for m in json.loads(after)} == {
        ("(2024)渝0106民初1234号", "民事审判第一庭"),
        ("(2024)渝0106刑初12号", "民事审判第一庭"),
    }


def test_cli_lists_conflicts_and_reassigns_on_request(tmp_path):
    from click.testing import CliRunner

    from workload_app.cli import cli

    db = str(tmp_path / "c.sqlite")
    run = CliRunner()
    roster = write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册")
    assert run.invoke(cli, ["--db", db, "judges", "import", str(roster)]).exit_code == 0
    first = write_xlsx(tmp_path / "一.xlsx", case_rows())
    assert run.invoke(cli, ["--db", db, "import", str(first)]).exit_code == 0
    rows = case_rows()
    rows[1][3] = "李四"
    second = write_xlsx(tmp_path / "二.xlsx", rows)
    out = run.invoke(cli, ["--db", db, "import", str(second)])
    assert out.exit_code == 0 and "已导入给 张三" in out.output and "未改动" in out.output
    out = run.invoke(cli, ["--db", db, "import", str(second), "--reassign"])
    assert out.exit_code == 0 and "改派 (2024)渝0106民初1234号：张三（民事审判第一庭） → 李四" in out.output
    out = run.invoke(cli, ["--db", db, "import", "page-ceiling", "2000"])
    assert out.exit_code == 0 and "2,000" in out.output
