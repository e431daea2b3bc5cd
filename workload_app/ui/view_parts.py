"""Pieces every view and dialog of the window builds from: the view's tie to the main window, OK /
Cancel buttons, a read-only detail pane under a table, splitters, titled panes, column layouts and
a chart's month axis. One home for each, so that a view says only what is its own."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCharts import QChart, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)


class View(QWidget):
    """One of the main window's views; ``window_`` is the window (its database, user, tasks)."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window


def ok_cancel(on_ok: Callable[[], object], on_cancel: Callable[[], object]) -> QDialogButtonBox:
    """OK and Cancel (in the platform's order and language), wired to the two callbacks."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(on_cancel)
    return buttons


ERROR_COLOR = "#b00020"


def error_label(wrap: bool = True) -> QLabel:
    """An empty label for a dialog's refusal or error, in the window's error red."""
    label = QLabel()
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setWordWrap(wrap)
    return label


def detail_pane() -> QPlainTextEdit:
    """Read-only text showing the selected row in full (under a table)."""
    pane = QPlainTextEdit()
    pane.setReadOnly(True)
    return pane


def splitter(
    *widgets: QWidget,
    sizes: Sequence[int],
    vertical: bool = False,
    stretch: Sequence[int] | None = None,
) -> QSplitter:
    """The widgets side by side (or one above the other), first shown at ``sizes`` pixels."""
    split = QSplitter(Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal)
    for w in widgets:
        split.addWidget(w)
    for i, factor in enumerate(stretch or ()):
        split.setStretchFactor(i, factor)
    split.setSizes(list(sizes))
    return split


def titled(title: str, widget: QWidget) -> QWidget:
    """``widget`` under a one-line title, without margins of its own (a pane of a splitter)."""
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(title))
    layout.addWidget(widget)
    return pane


def column(parent: QWidget, *items: QWidget | QLayout) -> QVBoxLayout:
    """``parent``'s layout: the items (widgets or layouts) one under the other."""
    layout = QVBoxLayout(parent)
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout


def month_axes(chart: QChart) -> tuple[QValueAxis, QValueAxis]:
    """Empties ``chart`` and gives it months 1–12 along the bottom and a value axis on the left
    (its range left to the caller, who knows the top of the series)."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    ax, ay = QValueAxis(), QValueAxis()
    ax.setRange(1, 12)
    ax.setTickCount(12)
    ax.setLabelFormat("%d")
    chart.addAxis(ax, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(ay, Qt.AlignmentFlag.AlignLeft)
    return ax, ay
