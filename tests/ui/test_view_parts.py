"""The shared pieces of the views (ui/view_parts.py), checked by what they build."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QChart, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QWidget

from workload_app.ui.view_parts import View, column, detail_pane, month_axes, ok_cancel, splitter, titled

pytestmark = pytest.mark.gui


def test_view_keeps_its_window(qtbot):
    window = object()
    view = View(window)
    qtbot.addWidget(view)
    assert view.window_ is window


def test_ok_cancel_calls_the_callback_of_the_button_pressed(qtbot):
    calls: list[str] = []
    buttons = ok_cancel(lambda: calls.append("ok"), lambda: calls.append("cancel"))
    qtbot.addWidget(buttons)
    assert buttons.standardButtons() == (
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert calls == ["ok", "cancel"]


def test_detail_pane_is_read_only(qtbot):
    pane = detail_pane()
    qtbot.addWidget(pane)
    assert pane.isReadOnly()


def test_splitter_orders_sizes_and_stretches(qtbot):
    a, b, c = QLabel("a"), QLabel("b"), QLabel("c")
    split = splitter(a, b, c, sizes=[300, 200, 100], stretch=[3, 0, 1])
    qtbot.addWidget(split)
    assert split.orientation() == Qt.Orientation.Horizontal
    assert [split.widget(i) for i in range(3)] == [a, b, c]
    by_hand = QSplitter(Qt.Orientation.Horizontal)  # what the views wrote before, line by line
    for w in (QLabel("a"), QLabel("b"), QLabel("c")):
        by_hand.addWidget(w)
    for i, factor in enumerate((3, 0, 1)):
        by_hand.setStretchFactor(i, factor)
    by_hand.setSizes([300, 200, 100])
    qtbot.addWidget(by_hand)
    assert split.sizes() == by_hand.sizes()
    assert split.widget(0).sizePolicy().horizontalStretch() == 3
    assert split.widget(1).sizePolicy().horizontalStretch() == 0
    assert split.widget(2).sizePolicy().horizontalStretch() == 1
    down = splitter(QLabel("x"), QLabel("y"), sizes=[1, 1], vertical=True)
    qtbot.addWidget(down)
    assert down.orientation() == Qt.Orientation.Vertical


def test_titled_puts_the_title_over_the_widget_without_margins(qtbot):
    inner = QLabel("table")
    pane = titled("各权重方案", inner)
    qtbot.addWidget(pane)
    layout = pane.layout()
    assert layout.count() == 2
    assert layout.itemAt(0).widget().text() == "各权重方案"
    assert layout.itemAt(1).widget() is inner
    m = layout.contentsMargins()
    assert (m.left(), m.top(), m.right(), m.bottom()) == (0, 0, 0, 0)


def test_column_stacks_widgets_and_layouts_in_order(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    bar, status, table = QHBoxLayout(), QLabel("status"), QPushButton("table")
    layout = column(parent, bar, status, table)
    assert parent.layout() is layout
    assert [layout.itemAt(i).layout() for i in range(3)][0] is bar
    assert layout.itemAt(1).widget() is status and layout.itemAt(2).widget() is table


def test_month_axes_empty_the_chart_and_span_twelve_months(qtbot):
    chart = QChart()
    old = QLineSeries()
    old.append(1, 5)
    chart.addSeries(old)
    chart.createDefaultAxes()
    ax, ay = month_axes(chart)
    assert chart.series() == []
    assert chart.axes() == [ax, ay] or set(chart.axes()) == {ax, ay}
    assert (ax.min(), ax.max(), ax.tickCount(), ax.labelFormat()) == (1, 12, 12, "%d")
    assert chart.axes(Qt.Orientation.Horizontal) == [ax]
    assert chart.axes(Qt.Orientation.Vertical) == [ay]
    assert ax.alignment() == Qt.AlignmentFlag.AlignBottom and ay.alignment() == Qt.AlignmentFlag.AlignLeft


def test_error_label_is_red_and_wraps_unless_told(qtbot):
    from workload_app.ui.view_parts import error_label

    label = error_label()
    qtbot.addWidget(label)
    assert label.text() == "" and label.wordWrap()
    assert label.styleSheet() == "color: #b00020;"
    assert not error_label(wrap=False).wordWrap()
