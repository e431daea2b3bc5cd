"""Exports as courts' case-management systems write them: every variant of header, date, page count,
case number, encoding and file format reads back to the same cases, field by field; what would be a
guess is refused naming the file, row and column."""

from __future__ import annotations

import datetime as dt

import pytest

from workload_app.core.problems import ImportRejected
from workload_app.services.imports import import_cases

from .courtexports import (
    FIELDS,
    TODAY,
    expected,
    table,
    write_court_csv,
    write_court_xls,
    write_court_xlsx,
)

COLUMN = {f: i + 1 for i, f in enumerate(FIELDS)}  # 0-based column of each field (序号 is column 0)


def stored(db) -> dict[str, dict]:
    rows = db.conn.execute(
        """SELECT c.case_number, c.cause, j.name, d.name, c.filed_on, c.closed_on, c.closing_method,
                  c.procedure, c.file_pages, c.transcript_pages, c.judgment_pages, c.panel
           FROM cases c JOIN judges j ON j.id = c.judge_id LEFT JOIN divisions d ON d.id = c.division_id"""
    ).fetchall()
    return {r[0]: dict(zip(FIELDS[1:], r[1:], strict=True)) for r in rows}


def imported(db, path):
    result = import_cases(db, path, today=TODAY)
    assert (result.total, result.new, result.rejected) == (3, 3, 0), result.problems
    assert stored(db) == expected()
    return result


# ------------------------------------------------------------------ what systems print under the table


@pytest.mark.parametrize("kind", ["xlsx", "xls", "csv"])
def test_signature_lines_under_the_table_are_not_taken_for_cases(roster_db, tmp_path, kind):
    """Regression: 制表人：… / 制表日期：… under the 合计 row was a row without 案号, refusing the file."""
    write = {"xlsx": write_court_xlsx, "xls": write_court_xls, "csv": write_court_csv}[kind]
    result = imported(roster_db, write(tmp_path / f"结案.{kind}", table(), tail=True))
    assert result.skipped_footer == 2


def test_a_case_without_number_is_still_reported_whatever_its_first_cell_says(roster_db, tmp_path):
    rows = table()
    rows[2][0] = "打印件"
    rows[2][COLUMN["case_number"]] = None
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, write_court_xlsx(tmp_path / "结案.xlsx", rows), today=TODAY)
    assert [(p.row, p.column) for p in err.value.problems] == [(5, "案号")]


# ------------------------------------------------------------------ headers

HEADER_VARIANTS = {
    "承办法官": {"judge": "承办法官"},
    "主审法官": {"judge": "主审法官"},
    "案件字号": {"case_number": "案件字号"},
    "结案时间": {"closed_on": "结案时间"},
    "审结日期": {"closed_on": "审结日期"},
    "收案日期": {"filed_on": "收案日期"},
    "案卷页数": {"file_pages": "案卷页数"},
    "笔录页数": {"transcript_pages": "笔录页数"},
    "文书页数": {"judgment_pages": "文书页数"},
    "程序": {"procedure": "程序"},
    "部门": {"division": "部门"},
    "承办庭室": {"division": "承办庭室"},
    "trailing spaces": {"case_number": "案号 ", "judge": " 承办人  ", "closed_on": "结案日期\u3000"},
    "full-width units": {"file_pages": "卷宗页数（页）", "judgment_pages": "裁判文书页数(页)"},
    "line break in header": {"transcript_pages": "庭审笔录\n页数"},
    "required marker": {"case_number": "*案号", "judge": "承办人*"},
}


@pytest.mark.parametrize("names", HEADER_VARIANTS.values(), ids=HEADER_VARIANTS.keys())
def test_header_spellings_of_real_systems(roster_db, tmp_path, names):
    imported(roster_db, write_court_xlsx(tmp_path / "结案.xlsx", table(names)))


def test_presiding_judge_alone_is_not_taken_for_the_judge_in_charge(roster_db, tmp_path):
    """审判长 presides over a panel; the judge in charge (承办人) may be another member. A file with
    only 审判长 is refused with the way out named, not read as if it were 承办人."""
    path = write_court_xlsx(tmp_path / "结案.xlsx", table({"judge": "审判长"}))
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    assert "承办人" in str(err.value) and "审判长" in str(err.value)
    assert stored(roster_db) == {}


def test_presiding_judge_beside_the_judge_in_charge_is_ignored(roster_db, tmp_path):
    rows = table()
    rows[0].append("审判长")
    for row in rows[1:]:
        row.append("赵六")
    imported(roster_db, write_court_xlsx(tmp_path / "结案.xlsx", rows))


# ------------------------------------------------------------------ dates


def _dates(form):
    def cells(field, value, i):
        return form(value) if field in ("filed_on", "closed_on") else value

    return cells


def _serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


DATE_FORMS = {
    "text 2025-03-05 14:30:00": lambda d: f"{d.isoformat()} 14:30:00",
    "text 2025/3/5": lambda d: f"{d.year}/{d.month}/{d.day}",
    "text 2025.3.5": lambda d: f"{d.year}.{d.month}.{d.day}",
    "text 2025年3月5日": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "text 20250305": lambda d: d.strftime("%Y%m%d"),
    "number 20250305": lambda d: int(d.strftime("%Y%m%d")),
    "plain serial": _serial,
    "serial with time": lambda d: _serial(d) + 0.6041666,
    "datetime": lambda d: dt.datetime(d.year, d.month, d.day, 14, 30),
    "full-width text": lambda d: f"{d.year}－{d.month:02}－{d.day:02}".translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    ),
    "2025年03月05日 14时30分": lambda d: f"{d.year}年{d.month:02}月{d.day:02}日 14时30分",
    "2025/3/5 14:30": lambda d: f"{d.year}/{d.month}/{d.day} 14:30",
}


@pytest.mark.parametrize("form", DATE_FORMS.values(), ids=DATE_FORMS.keys())
def test_date_forms_in_xlsx(roster_db, tmp_path, form):
    imported(roster_db, write_court_xlsx(tmp_path / "结案.xlsx", table(cells=_dates(form))))


def test_date_formatted_serials_in_xlsx(roster_db, tmp_path):
    path = write_court_xlsx(
        tmp_path / "结案.xlsx",
        table(cells=_dates(lambda d: dt.datetime(d.year, d.month, d.day, 14, 30))),
        formats={COLUMN["filed_on"]: "yyyy-mm-dd hh:mm:ss", COLUMN["closed_on"]: "yyyy/m/d"},
    )
    imported(roster_db, path)


@pytest.mark.parametrize("form", ["3/5/2025", "5/3/2025", "25-3-5", "2025-3", "2025年3月"])
def test_ambiguous_dates_are_refused_naming_row_and_column(roster_db, tmp_path, form):
    def cells(field, value, i):
        return form if (field == "closed_on" and i == 1) else value

    path = write_court_xlsx(tmp_path / "结案.xlsx", table(cells=cells))
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    [problem] = err.value.problems
    assert (problem.row, problem.column, problem.value) == (5, "结案日期", form)
    assert "日期" in problem.message
    assert stored(roster_db) == {}


# ------------------------------------------------------------------ page counts


def _pages(form):
    def cells(field, value, i):
        return form(value) if field.endswith("_pages") else value

    return cells


FW = str.maketrans("0123456789", "０１２３４５６７８９")
PAGE_FORMS = {
    "12页": lambda n: f"{n}页",
    "12 页": lambda n: f"{n} 页",
    "12.0": lambda n: f"{n}.0",
    "float": float,
    "full-width": lambda n: str(n).translate(FW),
    "full-width with 页": lambda n: str(n).translate(FW) + "页",
    "thousands": lambda n: f"{n:,}",
    "full-width thousands": lambda n: f"{n:,}".replace(",", "，").translate(FW),
    "spaces": lambda n: f"  {n}\u3000",
}


@pytest.mark.parametrize("form", PAGE_FORMS.values(), ids=PAGE_FORMS.keys())
def test_page_count_forms(roster_db, tmp_path, form):
    imported(roster_db, write_court_xlsx(tmp_path / "结案.xlsx", table(cells=_pages(form))))


@pytest.mark.parametrize("form", ["12,34", "1,2345", "约12", "12-15", "1.5"])
def test_page_counts_that_would_be_a_guess_are_refused(roster_db, tmp_path, form):
    def cells(field, value, i):
        return form if (field == "file_pages" and i == 0) else value

    path = write_court_xlsx(tmp_path / "结案.xlsx", table(cells=cells))
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    [problem] = err.value.problems
    assert (problem.row, problem.column, problem.value) == (4, "卷宗页数", form)
    assert stored(roster_db) == {}


# ------------------------------------------------------------------ case numbers


NUMBER_FORMS = {
    "full-width brackets": lambda s: s.replace("(", "（").replace(")", "）"),
    "full-width digits": lambda s: s.translate(FW),
    "tortoise-shell brackets": lambda s: s.replace("(", "〔").replace(")", "〕"),
    "stray spaces": lambda s: " " + s.replace(")", ") ").replace("号", " 号") + "\u3000",
    "no 号": lambda s: s.removesuffix("号"),
    "full-width, no 号": lambda s: s.removesuffix("号").replace("(", "（").replace(")", "）").translate(FW),
}


@pytest.mark.parametrize("form", NUMBER_FORMS.values(), ids=NUMBER_FORMS.keys())
def test_case_number_forms(roster_db, tmp_path, form):
    def cells(field, value, i):
        return form(value) if field == "case_number" else value

    imported(roster_db, write_court_xlsx(tmp_path / "结案.xlsx", table(cells=cells)))


def test_case_number_written_twice_in_two_forms_is_one_duplicate(roster_db, tmp_path):
    rows = table()
    rows.append(list(rows[1]))
    rows[-1][COLUMN["case_number"]] = "（２０２５）渝0106民初1234"
    path = write_court_xlsx(tmp_path / "结案.xlsx", rows)
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    [problem] = err.value.problems
    assert problem.row == 7 and "第 4 行重复" in problem.message


# ------------------------------------------------------------------ csv


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("gb18030", ","),
        ("gbk", ","),
        ("utf-8", ","),
        ("utf-8-sig", ","),
        ("utf-16", "\t"),
        ("utf-8-sig", ";"),
        ("utf-8", "\t"),
        ("gbk", "\t"),
    ],
)
def test_csv_as_excel_saves_it(roster_db, tmp_path, encoding, delimiter):
    def cells(field, value, i):
        if isinstance(value, dt.date):
            return f"{value.year}/{value.month}/{value.day}"
        if field == "file_pages":
            return f"{value:,}"
        return value

    path = write_court_csv(tmp_path / "结案.csv", table(cells=cells), encoding=encoding, delimiter=delimiter)
    imported(roster_db, path)


@pytest.mark.parametrize("suffix", [".txt", ".tsv"])
def test_unicode_text_saved_by_excel(roster_db, tmp_path, suffix):
    path = write_court_csv(tmp_path / f"结案{suffix}", table(), encoding="utf-16", delimiter="\t")
    imported(roster_db, path)


def test_csv_without_title(roster_db, tmp_path):
    imported(roster_db, write_court_csv(tmp_path / "结案.csv", table(), title=None, encoding="gbk"))


# ------------------------------------------------------------------ legacy .xls


def test_xls_with_title_footer_and_dates(roster_db, tmp_path):
    imported(roster_db, write_court_xls(tmp_path / "结案.xls", table()))


def test_xls_with_datetimes_and_text_forms(roster_db, tmp_path):
    def cells(field, value, i):
        if isinstance(value, dt.date):
            return dt.datetime(value.year, value.month, value.day, 9, 15)
        if field.endswith("_pages"):
            return f"{value}页"
        if field == "case_number":
            return value.replace("(", "（").replace(")", "）")
        return value

    imported(roster_db, write_court_xls(tmp_path / "结案.xls", table(cells=cells)))


def _xls_with(tmp_path, special):
    """A legacy .xls of the three cases where ``special[(field, case index)](row)`` writes the cell."""
    import xlwt

    def writer(ws, i, j, cell):
        for (field, case), write in special.items():
            if j == COLUMN[field] and i == 3 + case:  # title, blank, header above the first case
                write(ws.row(i), j, xlwt)
                return True
        return False

    return write_court_xls(tmp_path / "结案.xls", table(), cell_writer=writer)


def test_xls_error_cells_and_uncomputed_formulas_are_errors_naming_the_cell(roster_db, tmp_path):
    """Regression: calamine reads an .xls error value or a formula a script wrote (no result) as a
    blank, so #DIV/0! in 卷宗页数 imported as an unknown page count."""
    path = _xls_with(
        tmp_path,
        {
            ("file_pages", 0): lambda row, j, xlwt: row.set_cell_error(j, "#DIV/0!"),
            ("judgment_pages", 1): lambda row, j, xlwt: row.set_cell_error(j, 0x2A),
            ("transcript_pages", 2): lambda row, j, xlwt: row.set_cell_formula(j, xlwt.Formula("B4*2")),
        },
    )
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    got = [(p.row, p.column, p.value) for p in err.value.problems]
    assert got == [
        (4, "卷宗页数", "#DIV/0!"),
        (5, "裁判文书页数", "#N/A"),
        (6, "庭审笔录页数", "=公式（无计算结果）"),
    ]
    assert "Excel 错误 #DIV/0!" in err.value.problems[0].message
    assert "没有计算结果" in err.value.problems[2].message
    assert stored(roster_db) == {}


def test_xls_cell_far_outside_the_data_is_refused_before_reading(roster_db, tmp_path):
    """Regression: one cell at IV65536 made calamine lay out 16.8 million cells (about 1 GB) before
    the size check ran; the BIFF cell records are located first now."""
    import resource

    def far(ws, i, j, cell):
        if i == 3 and j == 0:
            ws.write(65535, 255, "x")
        return False

    path = write_court_xls(tmp_path / "结案.xls", table(), cell_writer=far)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert "IV65536" in str(err.value) and "65536 行 × 256 列" in str(err.value)
    assert grown_mb < 200, grown_mb


def test_xls_formatted_blank_far_away_is_no_reason_to_refuse(roster_db, tmp_path):
    """A formatted but empty cell carries no value and is not laid out: the file imports."""

    def blank(ws, i, j, cell):
        if i == 3 and j == 0:
            import xlwt

            ws.write(65535, 255, None, xlwt.easyxf("font: bold on"))
        return False

    imported(roster_db, write_court_xls(tmp_path / "结案.xls", table(), cell_writer=blank))


def test_html_table_saved_as_xls_is_refused_with_the_way_out(roster_db, tmp_path):
    path = tmp_path / "结案.xls"
    path.write_text("<html><body><table><tr><td>案号</td></tr></table></body></html>", encoding="utf-8")
    with pytest.raises(ImportRejected) as err:
        import_cases(roster_db, path, today=TODAY)
    assert "网页" in str(err.value) and ".xlsx" in str(err.value)


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-16", "\t"), ("utf-8-sig", ";"), ("gbk", "\t")])
def test_separator_is_the_one_the_header_splits_on(roster_db, tmp_path, encoding, delimiter):
    """Regression: with a title above and 制表人 lines below, the sniffer took the whole tab- or
    semicolon-separated header for one cell and the file was refused as having no header."""
    path = write_court_csv(tmp_path / "结案.csv", table(), encoding=encoding, delimiter=delimiter, tail=True)
    imported(roster_db, path)
