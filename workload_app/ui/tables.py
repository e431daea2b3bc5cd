"""The one way a DataFrameModel is shown: a QTableView that sorts on a header click (starting in the
frame's own order, with no stale sort arrow), selects whole rows, and fits its columns to their
contents (as measured on its first rows) whenever it is refilled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

FIT_ROWS = 100  # fitting a column measures this many rows, whatever the table's length


def table_view(
    model, *, sortable: bool = True, stretch_last: bool = True, select_rows: bool = True, fit: bool = True
) -> QTableView:
    view = QTableView()
    view.setModel(model)
    if sortable:
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    if select_rows:
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)

    def fit_columns() -> None:
        view.resizeColumnsToContents()  # an empty table too: its headers read in full (English is longer)

    if fit:
        model.modelReset.connect(fit_columns)
    return view
