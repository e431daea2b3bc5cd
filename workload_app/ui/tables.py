"""The one way a DataFrameModel is shown: a QTableView that sorts on a header click (starting in the
frame's own order, with no stale sort arrow), selects whole rows, and fits its columns to their
contents whenever a small table is refilled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

FIT_COLUMNS_UP_TO = 5_000  # rows; a large table keeps fixed widths (fitting reads every row shown)


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

    def fit_columns() -> None:
        if 0 < model.rowCount() <= FIT_COLUMNS_UP_TO:
            view.resizeColumnsToContents()

    if fit:
        model.modelReset.connect(fit_columns)
    return view
