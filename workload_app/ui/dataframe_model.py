"""A read-only table model over a pandas DataFrame: fast with a million rows, numbers right-aligned,
sorting done by numpy on the whole column, display formatting shared through ``formatters``."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


def _values(column: pd.Series) -> np.ndarray:
    """The column as numpy; nullable integers (ranks) stay integers, a missing one None."""
    if isinstance(column.dtype, pd.api.extensions.ExtensionDtype) and pd.api.types.is_integer_dtype(column):
        return column.to_numpy(dtype=object, na_value=None)
    return column.to_numpy()


class DataFrameModel(QAbstractTableModel):
    def __init__(
        self,
        frame: pd.DataFrame | None = None,
        headers: dict[str, str] | None = None,
        decimals: dict[str, int] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._headers = headers or {}
        self._decimals = decimals or {}
        self._frame = pd.DataFrame()
        self._columns: list[np.ndarray] = []
        self._order = np.arange(0)
        self._backgrounds: dict[str, object] = {}  # column -> value -> QColor | None
        self.set_frame(frame if frame is not None else pd.DataFrame())

    # -- data
    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame.reset_index(drop=True)
        self._columns = [_values(frame[c]) for c in frame.columns]
        self._numeric = [
            pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
            for c in frame.columns
        ]
        self._order = np.arange(len(frame))
        self.endResetModel()

    def set_headers(self, headers: dict[str, str]) -> None:
        """Rename columns' headings (those not named keep theirs)."""
        self._headers = {**self._headers, **headers}
        if len(self._columns):
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def set_background(self, column: str, paint) -> None:
        """Colour a column's cells by value (``paint(value)`` gives a QColor or None)."""
        self._backgrounds[column] = paint

    def frame(self) -> pd.DataFrame:
        return self._frame

    def row_at(self, row: int) -> dict:
        return self._frame.iloc[int(self._order[row])].to_dict()

    def source_row(self, row: int) -> int:
        return int(self._order[row])

    # -- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col = index.column()
        value = self._columns[col][self._order[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._format(col, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self._numeric[col]:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._backgrounds:
            paint = self._backgrounds.get(str(self._frame.columns[col]))
            return paint(value) if paint else None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._format(col, value)
            return text if len(text) > 20 else None
        return None

    def _format(self, col: int, value) -> str:
        if value is None or value is pd.NA or value is pd.NaT:
            return ""
        if isinstance(value, float | np.floating):
            if math.isnan(value):
                return ""
            digits = self._decimals.get(str(self._frame.columns[col]), 2)
            return f"{value:,.{digits}f}"
        return str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            name = str(self._frame.columns[section])
            return self._headers.get(name, name)
        return str(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or column >= len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        values = self._columns[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if self._numeric[column]:
            keys = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float)
            order_idx = np.argsort(-keys if descending else keys, kind="stable")
            blank = np.isnan(keys[order_idx])
            order_idx = np.concatenate([order_idx[~blank], order_idx[blank]])  # blanks last either way
        else:
            # fixed-width unicode: numpy compares in C, in the same code-point order as str
            keys = pd.Series(values).fillna("").astype(str).to_numpy(dtype=str)
            order_idx = np.argsort(keys, kind="stable")
            if descending:
                order_idx = order_idx[::-1]
        self._order = order_idx
        self.layoutChanged.emit()

    def filter_rows(self, mask: np.ndarray | None) -> None:
        """Show only rows where mask is True (None: all)."""
        self.beginResetModel()
        self._order = np.arange(len(self._frame)) if mask is None else np.flatnonzero(mask)
        self.endResetModel()
