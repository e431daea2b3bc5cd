"""Writing tables that people open in Excel or WPS without live formulas (公式注入防护).

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by a
spreadsheet as a formula (or the start of one). Every file the application writes for people —
``export cases|tally``, the reject report, the audit export — goes through this module, so such
text is written as text: in xlsx a string cell (``t="inlineStr"``/shared string, never a formula)
with Excel's quote prefix set, so that editing the cell keeps it text; in csv the text gets a
leading ``'``. Numbers stay numbers (a negative number is a number, not text starting with ``-``).

It lives in ``importing`` because that is the lowest layer allowed to use openpyxl, beneath both
the reject report (``importing.report``) and the services' exports.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_text(value: object) -> bool:
    """True for text a spreadsheet would read as a formula (numbers never are)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value: object) -> object:
    """The value as written to csv: formula-like text prefixed with ``'``, anything else as is."""
    return "'" + value if is_formula_text(value) else value


def plain(value: object) -> object:
    """numpy/pandas scalars as Python values; missing values (NaN, NA, NaT) as None."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else float(value)
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, str | dt.date | dt.datetime):
        return value
    return str(value)


def xlsx_cells(sheet, values: Iterable[object], bold: bool = False) -> list:
    """Cells for ``sheet.append``: formula-like text as a string cell with the quote prefix."""
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=plain(value))
        if is_formula_text(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True
        if bold:
            cell.font = Font(bold=True)
        cells.append(cell)
    return cells


def append_row(sheet, values: Iterable[object], bold: bool = False) -> None:
    """Append one row to an openpyxl sheet (normal or write-only), formulas neutralised."""
    sheet.append(xlsx_cells(sheet, values, bold))


def write_table(table: pd.DataFrame, path: Path, sheet_name: str = "Sheet1") -> Path:
    """Write a DataFrame (header + rows, no index) to ``.xlsx`` or, for any other suffix, ``.csv``
    (UTF-8), with formula-like text written as text."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet(sheet_name[:31])
        append_row(sheet, [str(c) for c in table.columns], bold=True)
        for row in table.itertuples(index=False, name=None):
            append_row(sheet, row)
        book.save(path)
        return path
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = out[column].map(csv_text)
    out.columns = [csv_text(str(c)) for c in out.columns]
    # CRLF line ends (RFC 4180) also make the csv module quote a field holding a bare CR, which
    # with "\n" line ends it writes unquoted, splitting the row for every reader.
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\r\n")
    return path
