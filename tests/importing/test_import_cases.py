"""Importing case exports: formats, value variants, validation, atomicity, idempotence, undo."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from workload_app.core.problems import ImportRejected
from workload_app.core.progress import Cancelled
from workload_app.services.imports import import_cases, save_profile, undo_import
from workload_app.storage import repository as repo

from .conftest import HEADER, case_rows, write_csv, write_xlsx

TODAY = dt.date(2025, 1, 15)

EXPECTED = {
    "(2024)渝0106民初1234号": dict(
        judge="张三",
        filed_on="2024-03-05",
        closed_on="2024-06-01",
        file_pages=120,
        transcript_pages=8,
        judgment_pages=6,
        panel="李四、王五",
        approved=None,
        procedure="普通程序",
        category="civil",
    ),
    "(2024)渝0106民初1235号": dict(
        judge="李四",
        filed_on="2024-03-05",
        closed_on="2024-07-02",
        file_pages=12,
        transcript_pages=0,
        judgment_pages=3,
        panel=None,
        approved=None,
        procedure="小额诉讼",
        category="civil",
    ),
    "(2024)渝0106刑初12号": dict(
        judge="王五",
        filed_on="2024-03-05",
        closed_on="2024-08-01",
        file_pages=88,
        transcript_pages=6,
        judgment_pages=4,
        panel=None,
        approved=None,
        procedure="简易程序",
        category="criminal",
    ),
    "(2024)渝0106执100号": dict(
        judge="赵六",
        filed_on="2024-03-05",
        closed_on="2024-09-10",
        file_pages=None,
        transcript_pages=None,
        judgment_pages=None,
        panel=None,
        approved=1,
        procedure=None,
        category="enforcement",
    ),
}


def stored(db) -> dict[str, dict]:
    rows = db.conn.execute(
        """SELECT c.case_number, j.name, c.filed_on, c.closed_on, c.file_pages, c.transcript_pages,
                  c.judgment_pages, c.panel, c.approved, c.procedure, c.category
           FROM cases c JOIN judges j ON j.id = c.judge_id"""
    ).fetchall()
    keys = [
        "judge",
        "filed_on",
        "closed_on",
        "file_pages",
        "transcript_pages",
        "judgment_pages",
        "panel",
        "approved",
        "procedure",
        "category",
    ]
    return {r[0]: dict(zip(keys, r[1:], strict=True)) for r in rows}


def snapshot(db) -> dict[str, list]:
    tables = [t for t in db.table_names() if t != "sqlite_sequence"]
    return {t: sorted(db.conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def test_xlsx_with_merged_title_row(roster_db, tmp_path):
    path = write_xlsx(
        tmp_path / "结案.xlsx", case_rows(), title="2024年结案案件统计表（审判流程管理系统导出）"
    )
    result = import_cases(roster_db, path, today=TODAY)
    assert result.header_row == 3
    assert (result.total, result.new, result.updated, result.unchanged, result.rejected) == (4, 4, 0, 0, 0)
    assert stored(roster_db) == EXPECTED
    assert result.unknown_headers == ["序号"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings_detected(roster_db, tmp_path, encoding):
    rows = [[c.isoformat() if isinstance(c, dt.date) else c for c in r] for r in case_rows()]
    path = write_csv(tmp_path / "结案.csv", rows, encoding)
    result = import_cases(roster_db, path, today=TODAY)
    assert result.new == 4
    assert stored(roster_db) == EXPECTED


def test_xls_legacy_format(roster_db, tmp_path):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("结案")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for i, row in enumerate(case_rows()):
        for j, cell in enumerate(row):
            if isinstance(cell, dt.date):
                ws.write(i, j, cell, date_style)
            elif cell is not None:
                ws.write(i, j, cell)
    path = tmp_path / "结案.xls"
    book.save(str(path))
    result = import_cases(roster_db, path, today=TODAY)
    assert result.new == 4
    assert stored(roster_db) == EXPECTED


def test_sheet_chosen_by_name_or_first_recognisable(roster_db, tmp_path):
    path = write_xlsx(
        tmp_path / "多表.xlsx", case_rows(), extra_sheets=[("说明", [["本表由系统导出"], ["无数据"]])]
    )
    assert import_cases(roster_db, path, today=TODAY, dry_run=True).sheet == "结案案件"
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, sheet="说明", today=TODAY)
    assert "找不到表头" in str(err.value)
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, sheet="不存在", today=TODAY)
    assert "结案案件" in str(err.value)


def test_header_synonyms_machine_names_spaces_and_units(roster_db, tmp_path):
    header = [
        "案件字号",
        "主审法官",
        "庭室",
        "收案日期",
        "审结日期",
        "结案方式",
        "案由",
        "审理程序",
        "卷宗页码（页）",
        "笔录页数",
        "文书页数",
        "合议庭成员",
        "审批情况",
    ]
    rows = [
        header,
        [
            "(2024)渝0106民初1号",
            "张三",
            "民事审判第一庭",
            "2024-01-02",
            "2024-02-03",
            "判决",
            "买卖合同纠纷",
            "普通程序",
            10,
            2,
            3,
            "李四 王五",
            "Y",
        ],
    ]
    result = import_cases(roster_db, write_xlsx(tmp_path / "a.xlsx", rows), today=TODAY)
    assert result.new == 1 and result.unknown_headers == []
    machine = [
        "CASE_NUMBER",
        "judge ",
        "closed_on",
        "file_pages",
        "transcript_pages",
        "judgment_pages",
        "approved",
    ]
    rows = [machine, ["(2024)渝0106民初2号", "李四", "2024-05-06", "１０", "2", "3", "否"]]
    result = import_cases(roster_db, write_xlsx(tmp_path / "b.xlsx", rows), today=TODAY)
    assert result.new == 1
    got = stored(roster_db)
    assert got["(2024)渝0106民初1号"]["panel"] == "李四、王五" and got["(2024)渝0106民初1号"]["approved"] == 1
    assert got["(2024)渝0106民初2号"]["approved"] == 0 and got["(2024)渝0106民初2号"]["file_pages"] == 10


def test_unknown_header_listed_then_mapped_by_saved_profile(roster_db, tmp_path):
    rows = [r.copy() for r in case_rows()]
    rows[0] = [("卷宗总页" if h == "卷宗页数" else h) for h in rows[0]]
    path = write_xlsx(tmp_path / "x.xlsx", rows)
    first = import_cases(roster_db, path, today=TODAY, dry_run=True)
    assert "卷宗总页" in first.unknown_headers and "file_pages" not in first.mapping
    save_profile(roster_db, "某省审判流程系统", {"卷宗总页": "file_pages"})
    second = import_cases(roster_db, path, today=TODAY)
    assert second.mapping["file_pages"] == "卷宗总页"
    assert stored(roster_db)["(2024)渝0106民初1234号"]["file_pages"] == 120


def test_every_bad_row_reported_in_chinese(roster_db, tmp_path):
    rows = case_rows() + [
        [
            5,
            "(2024)渝0106民初1234号",
            "重复",
            "张三",
            "",
            "2024-01-01",
            "2024-02-01",
            "判决",
            "",
            1,
            1,
            1,
            "",
            "",
        ],
        [6, "乱七八糟", "", "张三", "", "2024-01-01", "2024-02-01", "判决", "", 1, 1, 1, "", ""],
        [
            7,
            "(2024)渝0106民初9号",
            "",
            "",
            "",
            "2024-01-01",
            "2024-02-01",
            "判决",
            "",
            -3,
            1.5,
            "十",
            "",
            "也许",
        ],
        [8, "(2024)渝0106民初10号", "", "张三", "", "2024-05-01", "2024-02-01", "判决", "", 1, 1, 1, "", ""],
        [9, "(2024)渝0106民初11号", "", "张三", "", "2024-05-01", "2025-12-01", "判决", "", 1, 1, 1, "", ""],
        [10, "(2024)渝0106民初12号", "", "孙七", "", "2024-05-01", "2024-06-01", "判决", "", 1, 1, 1, "", ""],
        [11, "(2024)渝0106民初13号", "", "张三", "", "2024-02-30", "2024-06-01", "判决", "", 1, 1, 1, "", ""],
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    found = {(p.row, p.column) for p in err.value.problems}
    assert {
        (6, "案号"),
        (7, "案号"),
        (8, "承办人"),
        (8, "卷宗页数"),
        (8, "庭审笔录页数"),
        (8, "裁判文书页数"),
        (8, "廉政监察员审批"),
        (9, "结案日期"),
        (10, "结案日期"),
        (11, "承办人"),
        (12, "立案日期"),
    } == found
    messages = {(p.row, p.column): p.render() for p in err.value.problems}
    assert "与第 2 行重复" in messages[(6, "案号")]
    assert "页数不能为负数" in messages[(8, "卷宗页数")]
    assert "不能有小数" in messages[(8, "庭审笔录页数")]
    assert "早于立案日期" in messages[(9, "结案日期")]
    assert "晚于今天" in messages[(10, "结案日期")]
    assert "不在名册" in messages[(11, "承办人")]
    assert messages[(12, "立案日期")].startswith("bad.xlsx，第 12 行，「立案日期」列：日期不存在")
    assert repo.load_cases(roster_db).empty
    report = openpyxl.load_workbook(tmp_path / "bad-问题报告.xlsx")
    assert report.sheetnames == ["问题清单", "被拒绝的行"]
    assert report["问题清单"].max_row == 1 + len(err.value.problems)
    assert [c.value for c in report["被拒绝的行"]["A"]][1:] == [6, 7, 8, 9, 10, 11, 12]


def test_skip_invalid_imports_good_rows_and_reports_bad(roster_db, tmp_path):
    rows = case_rows() + [
        [5, "坏案号", "", "张三", "", "2024-01-01", "2024-02-01", "判决", "", 1, 1, 1, "", ""]
    ]
    report = tmp_path / "reports" / "问题.xlsx"
    result = import_cases(
        roster_db, write_xlsx(tmp_path / "s.xlsx", rows), skip_invalid=True, report_path=report, today=TODAY
    )
    assert (result.new, result.rejected, result.committed) == (4, 1, True)
    assert result.report_path == report and report.exists()


def test_create_judges_lists_them(roster_db, tmp_path):
    rows = [
        HEADER,
        [
            1,
            "(2024)渝0106民初77号",
            "",
            "孙七",
            "民事审判第二庭",
            "2024-01-01",
            "2024-02-01",
            "判决",
            "",
            1,
            1,
            1,
            "",
            "",
        ],
    ]
    path = write_xlsx(tmp_path / "n.xlsx", rows)
    with pytest.raises(ImportRejected) as err:  # 民事审判第二庭 is not on the roster (issue 26)
        import_cases(roster_db, path, create_judges=True, today=TODAY)
    assert [(p.row, p.code) for p in err.value.problems] == [(2, "import.unknown_division")]
    result = import_cases(roster_db, path, create_judges=True, create_divisions=True, today=TODAY)
    assert result.created_judges == ["孙七"] and result.new == 1
    assert result.created_divisions == ["民事审判第二庭"]
    judges = repo.judges_frame(roster_db).set_index("name")
    assert judges.loc["孙七", "division"] == "民事审判第二庭"


def test_bad_last_row_leaves_every_table_as_it_was(roster_db, tmp_path):
    import_cases(roster_db, write_xlsx(tmp_path / "first.xlsx", case_rows()), today=TODAY)
    before = snapshot(roster_db)
    rows = case_rows()
    rows[1][9] = 999  # an update …
    rows += [
        [5, "(2024)渝0106民初5000号", "", "张三", "", "2024-01-01", "2024-02-01", "判决", "", 1, 1, 1, "", ""]
    ]
    rows += [
        [
            6,
            "(2024)渝0106民初5001号",
            "",
            "张三",
            "",
            "2024-01-01",
            "2024-02-01",
            "判决",
            "",
            "x",
            1,
            1,
            "",
            "",
        ]
    ]
    with pytest.raises(ImportRejected):
        import_cases(roster_db, write_xlsx(tmp_path / "second.xlsx", rows), today=TODAY)
    assert snapshot(roster_db) == before


def test_same_file_twice_changes_nothing(roster_db, tmp_path):
    path = write_xlsx(tmp_path / "twice.xlsx", case_rows())
    import_cases(roster_db, path, today=TODAY)
    before = snapshot(roster_db)
    again = import_cases(roster_db, path, today=TODAY)
    assert (again.new, again.updated, again.unchanged, again.batch_id) == (0, 0, 4, None)
    assert snapshot(roster_db) == before
    # the same cases written differently (full-width brackets, GBK CSV, text dates) are the same cases
    rows = [[c.isoformat() if isinstance(c, dt.date) else c for c in r] for r in case_rows()]
    rows[1][1] = "（2024）渝0106民初1234号"
    csv_again = import_cases(roster_db, write_csv(tmp_path / "same.csv", rows, "gbk"), today=TODAY)
    assert (csv_again.new, csv_again.updated) == (0, 0)


def test_update_then_undo_restores(roster_db, tmp_path):
    first = import_cases(roster_db, write_xlsx(tmp_path / "v1.xlsx", case_rows()), today=TODAY)
    original = stored(roster_db)
    rows = case_rows()
    rows[1][9] = 150  # file pages 120 -> 150
    rows[1][7] = "撤诉"
    rows += [
        [5, "(2024)渝0106民初8888号", "", "李四", "", "2024-01-01", "2024-02-01", "判决", "", 1, 1, 1, "", ""]
    ]
    second = import_cases(roster_db, write_xlsx(tmp_path / "v2.xlsx", rows), today=TODAY)
    assert (second.new, second.updated, second.unchanged) == (1, 1, 3)
    assert stored(roster_db)["(2024)渝0106民初1234号"]["file_pages"] == 150
    with pytest.raises(Exception, match="先撤销"):
        undo_import(roster_db, first.batch_id)
    undo_import(roster_db, second.batch_id)
    assert stored(roster_db) == original
    assert dt.datetime.fromisoformat(repo.batch(roster_db, second.batch_id)["undone_at"]).date() >= TODAY
    undo_import(roster_db, first.batch_id)
    assert stored(roster_db) == {}


def test_cancel_leaves_database_unchanged(roster_db, tmp_path):
    before = snapshot(roster_db)

    def cancel_when_writing(fraction, message=""):
        if message == "写入数据库":
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_cases(
            roster_db, write_xlsx(tmp_path / "c.xlsx", case_rows()), today=TODAY, progress=cancel_when_writing
        )
    assert snapshot(roster_db) == before


def test_footer_total_row_skipped(roster_db, tmp_path):
    rows = case_rows() + [["合计：4 件", None, None]]
    result = import_cases(roster_db, write_xlsx(tmp_path / "f.xlsx", rows), today=TODAY)
    assert (result.new, result.skipped_footer, result.rejected) == (4, 1, 0)


def test_open_case_needs_filing_date(roster_db, tmp_path):
    rows = [
        HEADER,
        [1, "(2024)渝0106民初50号", "", "张三", "", "2024-12-01", "", "", "", "", "", "", "", ""],
        [2, "(2024)渝0106民初51号", "", "张三", "", "", "", "", "", "", "", "", "", ""],
    ]
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, write_xlsx(tmp_path / "o.xlsx", rows), today=TODAY)
    assert [(p.row, p.column) for p in err.value.problems] == [(3, "结案日期")]
