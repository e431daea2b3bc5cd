"""The one way a DataFrameModel is shown: a QTableView that sorts on a header click (starting in the
frame's own order, with no stale sort arrow), selects whole rows, and fits its columns to their
contents (as measured on its first rows) whenever it is refilled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

FIT_ROWS = 100  # fitting a column measures this many rows, whatever the table's length


class FittingTable(QTableView):
    """A table whose last column takes the width left over, but never less than its content: Qt's
    own stretched last section shrinks to the default width once the columns overflow the view
    (a 1366-pixel screen cut the last column of the wide tables that way)."""

    def __init__(self, stretch_last: bool) -> None:
        super().__init__()
        self._stretch = stretch_last
        self._last_need = 0  # the last column's width as fitted to its content

    def fit(self) -> None:
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        if header.count():
            self._last_need = header.sectionSize(header.logicalIndex(header.count() - 1))
        self.fill_width()

    def fill_width(self) -> None:
        header = self.horizontalHeader()
        if not self._stretch or header.count() == 0:
            return
        last = header.logicalIndex(header.count() - 1)
        others = header.length() - header.sectionSize(last)
        room = self.viewport().width() - others
        header.resizeSection(last, max(self._last_need or header.defaultSectionSize(), room))

    def content_width(self) -> int:
        """The width that shows every column at its fitted size, without a horizontal scroll bar
        (room for the vertical one kept)."""
        header = self.horizontalHeader()
        columns = header.length()
        if self._stretch and header.count():
            last = header.logicalIndex(header.count() - 1)
            columns += (self._last_need or header.sectionSize(last)) - header.sectionSize(last)
        extra = self.verticalHeader().width() + self.verticalScrollBar().sizeHint().width()
        return columns + extra + 2 * self.frameWidth() + 2  # and a pixel of rounding each side

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fill_width()


def table_view(
    model, *, sortable: bool = True, stretch_last: bool = True, select_rows: bool = True, fit: bool = True
) -> QTableView:
    view = FittingTable(stretch_last)
    view.setModel(model)
    if sortable:
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    if select_rows:
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)

    def fit_columns() -> None:
        view.fit()  # an empty table too: its headers read in full (English is longer)

    if fit:
        model.modelReset.connect(fit_columns)
    return view
