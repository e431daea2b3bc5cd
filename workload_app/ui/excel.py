"""Excel out from a table on screen: the same columns, headers and rows (filter and sort as shown),
which are only what the user may see, since every table is filled through the services.

A text cell is always written as a string, so a name or case cause that starts with = + - @ or a
tab or CR opens in Excel or WPS as text, never as a formula (``write_xlsx``, one small function
that a shared formula-safe writer can replace)."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel


def table_rows(model: DataFrameModel) -> tuple[list[str], list[list[object]], list[int | None]]:
    """Headers as shown, rows in the order shown, and the decimals of each numeric column."""
    frame = model.frame()
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    order = [model.source_row(r) for r in range(model.rowCount())]
    decimals: list[int | None] = []
    for name in frame.columns:
        column = frame[name]
        numeric = pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
        decimals.append(model._decimals.get(str(name), 2) if numeric else None)
    rows = [[_cell(v, d) for v, d in zip(frame.iloc[i].tolist(), decimals, strict=True)] for i in order]
    return headers, rows, decimals


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MINUTE = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$")


def _cell(value: object, digits: int | None = None) -> object:
    """A cell as Excel should hold it: a number at the precision shown on screen (0.04, not
    0.04000000000000001), a date or time as a date, anything else as text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None) if value.time() != dt.time() else value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return round(value, digits if digits is not None else 2)
    text = str(value)
    if _DATE.match(text):
        return dt.date.fromisoformat(text)
    if _MINUTE.match(text):
        return dt.datetime.fromisoformat(text.replace(" ", "T"))
    return text


def write_xlsx(path: Path, title: str, headers: list[str], rows: list[list[object]], decimals=None) -> None:
    """One sheet: a header row, then the rows. Text is set as an explicit string cell."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31] or "Sheet1"
    for c, text in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=c, value=text)
        cell.data_type = "s"
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the first character
            elif isinstance(value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif decimals and decimals[c - 1] is not None and isinstance(value, float):
                cell.number_format = "0" if decimals[c - 1] == 0 else "0." + "0" * decimals[c - 1]
    ws.freeze_panes = "A2"
    wb.save(path)


class ExcelButton(QPushButton):
    """导出 Excel…: asks for a file name and writes the table as shown."""

    def __init__(self, model: DataFrameModel, name: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("导出 Excel…"))
        self.model = model
        self.name = name
        self.clicked.connect(lambda: self.export())

    def export(self, target: str | None = None) -> Path | None:
        if self.model.rowCount() == 0:
            QMessageBox.information(self, self.tr("导出 Excel"), self.tr("表中没有可导出的行。"))
            return None
        user = getattr(self.window(), "user", None)
        start = file_dialogs.last_folder(user)
        if target is None:
            target = file_dialogs.save_file_name(
                self,
                self.tr("导出 Excel"),
                str(start / f"{self.name()}.xlsx"),
                self.tr("Excel 文件 (*.xlsx)"),
            )
        if not target:
            return None
        path = Path(target) if target.lower().endswith(".xlsx") else Path(target + ".xlsx")
        headers, rows, decimals = table_rows(self.model)
        try:
            write_xlsx(path, self.name(), headers, rows, decimals)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("未导出"), db_errors.file_text(exc, path))
            return None
        file_dialogs.remember_folder(user, path.parent)
        QMessageBox.information(
            self, self.tr("已导出"), self.tr("已导出 {n} 行到\n{p}").format(n=len(rows), p=path)
        )
        return path
