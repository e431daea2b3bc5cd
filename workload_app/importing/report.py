"""The reject report (问题报告.xlsx): every problem, and every rejected row as it was in the file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from workload_app.core.problems import Problem
from workload_app.importing.safe_cells import append_row


def write_reject_report(
    path: Path,
    problems: list[Problem],
    bad_rows: dict[int, list[object]],
    header_row: list[object],
    footer_rows: tuple[tuple[int, list[object]], ...] = (),
) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "问题清单"
    append_row(sheet, ["文件", "行号", "列", "值", "问题"])
    for p in problems:
        append_row(sheet, [p.file, p.row, p.column, p.value, p.message])
    for col, width in zip("ABCDE", (28, 8, 16, 28, 60), strict=True):
        sheet.column_dimensions[col].width = width
    rows = book.create_sheet("被拒绝的行")
    append_row(rows, ["行号", *[("" if h is None else str(h)) for h in header_row], "问题"])
    by_row: dict[int, list[str]] = {}
    for p in problems:
        if p.row is not None:
            by_row.setdefault(p.row, []).append(f"{p.column}：{p.message}")
    for row_no in sorted(bad_rows):
        cells = ["" if c is None else c for c in bad_rows[row_no]]
        append_row(rows, [row_no, *cells, "；".join(by_row.get(row_no, []))])
    sheets = [sheet, rows]
    if footer_rows:  # counted and shown, never dropped silently
        footers = book.create_sheet("未计入的合计行")
        append_row(footers, ["行号", *[("" if h is None else str(h)) for h in header_row]])
        for row_no, cells in footer_rows:
            append_row(footers, [row_no, *["" if c is None else c for c in cells]])
        sheets.append(footers)
    for ws in sheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
