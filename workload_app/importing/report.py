"""The reject report (问题报告.xlsx): every problem, and every rejected row as it was in the file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from workload_app.core import messages
from workload_app.core.problems import Problem
from workload_app.importing.safe_cells import append_row


def write_reject_report(
    path: Path,
    problems: list[Problem],
    bad_rows: dict[int, list[object]],
    header_row: list[object],
    footer_rows: tuple[tuple[int, list[object]], ...] = (),
    lang: str = messages.ZH,
) -> Path:
    """The report in ``lang``: its sheet names, headings and each problem's text; the file's own
    cells, headers and the columns as headed in the file stay as they were."""

    def say(code: str, **arguments: object) -> str:
        return messages.render(code, arguments, lang)

    book = Workbook()
    sheet = book.active
    sheet.title = say("report.sheet_problems")
    append_row(
        sheet,
        [
            say("report.file"),
            say("report.row"),
            say("report.column"),
            say("report.value"),
            say("report.problem"),
        ],
    )
    for p in problems:
        append_row(sheet, [p.file, p.row, p.column, p.value, p.text(lang)])
    for col, width in zip("ABCDE", (28, 8, 16, 28, 60), strict=True):
        sheet.column_dimensions[col].width = width
    rows = book.create_sheet(say("report.sheet_rows"))
    append_row(
        rows, [say("report.row"), *[("" if h is None else str(h)) for h in header_row], say("report.problem")]
    )
    by_row: dict[int, list[str]] = {}
    for p in problems:
        if p.row is not None:
            by_row.setdefault(p.row, []).append(
                say("report.cell_problem", column=p.column, message=p.text(lang))
            )
    for row_no in sorted(bad_rows):
        cells = [
            "" if c is None else messages.in_language(c, lang) if isinstance(c, messages.Coded) else c
            for c in bad_rows[row_no]
        ]
        append_row(rows, [row_no, *cells, say("report.joiner").join(by_row.get(row_no, []))])
    sheets = [sheet, rows]
    if footer_rows:  # counted and shown, never dropped silently
        footers = book.create_sheet(say("report.sheet_footers"))
        append_row(footers, [say("report.row"), *[("" if h is None else str(h)) for h in header_row]])
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
