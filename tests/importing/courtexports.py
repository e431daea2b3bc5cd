"""Exports shaped like what courts' case-management systems (审判流程管理系统) really write, built in the
tests: a title row merged over the table, a blank row, the header as one system or another spells it,
the rows, a 合计 footer and a 制表人 line; as .xlsx, legacy .xls or CSV in the encodings and separators
Excel on a Chinese Windows saves.

``CASES`` holds three closed cases in the form a test expects them stored (``EXPECTED``); a variant
changes how one column is written (header spelling, cell form) and must read back to the same values.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

TITLE = "XX市XX区人民法院2025年结案明细表"
FIELDS = (
    "case_number",
    "cause",
    "judge",
    "division",
    "filed_on",
    "closed_on",
    "closing_method",
    "procedure",
    "file_pages",
    "transcript_pages",
    "judgment_pages",
    "panel",
)
HEADER = {
    "case_number": "案号",
    "cause": "案由",
    "judge": "承办人",
    "division": "承办部门",
    "filed_on": "立案日期",
    "closed_on": "结案日期",
    "closing_method": "结案方式",
    "procedure": "适用程序",
    "file_pages": "卷宗页数",
    "transcript_pages": "庭审笔录页数",
    "judgment_pages": "裁判文书页数",
    "panel": "合议庭成员",
}
CASES = [
    {
        "case_number": "(2025)渝0106民初1234号",
        "cause": "民间借贷纠纷",
        "judge": "张三",
        "division": "民事审判第一庭",
        "filed_on": dt.date(2025, 1, 6),
        "closed_on": dt.date(2025, 3, 5),
        "closing_method": "判决",
        "procedure": "普通程序",
        "file_pages": 120,
        "transcript_pages": 8,
        "judgment_pages": 6,
        "panel": "李四、王五",
    },
    {
        "case_number": "(2025)渝0106民初1235号",
        "cause": "离婚纠纷",
        "judge": "李四",
        "division": "民事审判第一庭",
        "filed_on": dt.date(2025, 2, 10),
        "closed_on": dt.date(2025, 4, 1),
        "closing_method": "调解",
        "procedure": "简易程序",
        "file_pages": 1234,
        "transcript_pages": 0,
        "judgment_pages": 3,
        "panel": None,
    },
    {
        "case_number": "(2025)渝0106刑初12号",
        "cause": "盗窃罪",
        "judge": "王五",
        "division": "刑事审判庭",
        "filed_on": dt.date(2025, 3, 3),
        "closed_on": dt.date(2025, 10, 31),
        "closing_method": "判决",
        "procedure": "速裁程序",
        "file_pages": 88,
        "transcript_pages": 6,
        "judgment_pages": 4,
        "panel": None,
    },
]
TODAY = dt.date(2025, 12, 31)


def expected() -> dict[str, dict]:
    """What the database must hold after importing any variant: case number -> fields as stored."""
    out = {}
    for case in CASES:
        out[case["case_number"]] = {
            f: (v.isoformat() if isinstance(v, dt.date) else v) for f, v in case.items() if f != "case_number"
        }
    return out


def table(headers: dict[str, str] | None = None, cells=None, cases=CASES) -> list[list[object]]:
    """Header row and one row per case; ``headers`` overrides header texts, ``cells(field, value, i)``
    returns the cell as the variant writes it."""
    names = {**HEADER, **(headers or {})}
    rows: list[list[object]] = [["序号"] + [names[f] for f in FIELDS]]
    for i, case in enumerate(cases):
        row: list[object] = [i + 1]
        for f in FIELDS:
            value = case[f]
            row.append(cells(f, value, i) if cells else value)
        rows.append(row)
    return rows


def footer(rows: list[list[object]]) -> list[list[object]]:
    """The lines a system adds under the table: a 合计 row with sums and who printed it."""
    width = len(rows[0])
    total = ["合计", f"共 {len(rows) - 1} 件"] + [None] * (width - 2)
    return [total, [None] * width, ["制表人：刘某某", None, None, "制表日期：2025年12月31日"]]


def write_court_xlsx(path: Path, rows, *, title: str | None = TITLE, formats=None, tail=False) -> Path:
    """Title merged across the table, a blank row, the table, the footer. ``formats`` maps a 0-based
    column to an Excel number format for its body cells (dates shown as dates, serials as numbers)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Sheet1"
    width = len(rows[0])
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        ws.append([])
    first_body = ws.max_row + 2
    for r in rows:
        ws.append(r)
    for col, fmt in (formats or {}).items():
        for r in range(first_body, first_body + len(rows) - 1):
            ws.cell(r, col + 1).number_format = fmt
    if tail:
        for r in footer(rows):
            ws.append(r)
    book.save(path)
    return path


def write_court_xls(path: Path, rows, *, title: str | None = TITLE, tail=False, cell_writer=None) -> Path:
    """The same as a legacy .xls (Excel 97–2003), dates as date-formatted serials."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Sheet1")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    stamp_style = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss")
    out = []
    if title:
        ws.write_merge(0, 0, 0, len(rows[0]) - 1, title)
        out = [None, None]
    body = [None] * len(out) + list(rows) + (footer(rows) if tail else [])
    for i, row in enumerate(body):
        if row is None:
            continue
        for j, cell in enumerate(row):
            if cell_writer and cell_writer(ws, i, j, cell):
                continue
            if isinstance(cell, dt.datetime):
                ws.write(i, j, cell, stamp_style)
            elif isinstance(cell, dt.date):
                ws.write(i, j, cell, date_style)
            elif cell is not None:
                ws.write(i, j, cell)
    book.save(str(path))
    return path


def csv_cell(value: object, delimiter: str) -> str:
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    if any(c in text for c in (delimiter, '"', "\n", "\r")):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_court_csv(
    path: Path,
    rows,
    *,
    encoding: str = "gb18030",
    delimiter: str = ",",
    title: str | None = TITLE,
    tail=False,
) -> Path:
    """As Excel saves a sheet: the title in the first cell followed by empty cells, CRLF lines."""
    width = len(rows[0])
    lines = []
    if title:
        lines.append([title] + [None] * (width - 1))
        lines.append([None] * width)
    lines.extend(rows)
    if tail:
        lines.extend(footer(rows))
    text = "\r\n".join(delimiter.join(csv_cell(c, delimiter) for c in r) for r in lines) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path
