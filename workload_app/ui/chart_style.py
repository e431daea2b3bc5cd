"""One look per track in every chart of the window, whatever the language: a colour, and a line
style or hatch that still tells the tracks apart on a black-and-white print.

Done lines are solid (审判) or dash-dot with dots (执行), targets dashed (审判) or dotted (执行);
bars are filled (审判) or hatched (执行). The legend (``ChartLegend``, widgets under the chart)
shows each line's own pen and each bar's own brush beside the full name."""

from __future__ import annotations

from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QXYSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

TRACK_COLORS = {"trial": "#1f5fa8", "enforcement": "#d9730d"}
DONE_STYLE = {"trial": Qt.PenStyle.SolidLine, "enforcement": Qt.PenStyle.DashDotLine}
TARGET_STYLE = {"trial": Qt.PenStyle.DashLine, "enforcement": Qt.PenStyle.DotLine}
BAR_BRUSH = {"trial": Qt.BrushStyle.SolidPattern, "enforcement": Qt.BrushStyle.BDiagPattern}


def style_line(series: QXYSeries, track: str, *, target: bool = False) -> None:
    pen = QPen(QColor(TRACK_COLORS[track]))
    pen.setStyle((TARGET_STYLE if target else DONE_STYLE)[track])
    pen.setWidthF(2.0 if target else 3.0)
    series.setPen(pen)
    if track == "enforcement" and not target:
        series.setPointsVisible(True)  # dots on the months: a second cue on grey paper


def style_bars(bar: QBarSet, track: str) -> None:
    color = QColor(TRACK_COLORS[track])
    bar.setBrush(QBrush(color, BAR_BRUSH[track]))
    bar.setPen(QPen(color, 1.5))
    bar.setLabelColor(QColor("#000000"))


class ChartLegend(QWidget):
    """The chart's legend as widgets under it: each entry's own line (pen) or bar (brush) beside
    its full name, wrapped onto as many rows as the width needs, never cut ("Enforcement …")."""

    COLUMNS = 2

    def __init__(self, chart: QChart) -> None:
        super().__init__()
        self.chart = chart
        chart.legend().hide()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 0, 8, 4)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.entries: list[tuple[QLabel, QLabel]] = []

    def sync(self) -> None:
        """Rebuild the entries from the chart's series (call after drawing)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.entries = []
        items: list[tuple[str, QPixmap]] = []
        for series in self.chart.series():
            if isinstance(series, QXYSeries):
                items.append((series.name(), _line_sample(series.pen(), series.pointsVisible())))
            elif isinstance(series, QBarSeries):
                for bar in series.barSets():
                    items.append((bar.label(), _bar_sample(bar.brush(), bar.pen())))
        for i, (name, pixmap) in enumerate(items):
            swatch, text = QLabel(), QLabel(name)
            swatch.setPixmap(pixmap)
            text.setWordWrap(True)
            row, col = divmod(i, self.COLUMNS)
            self.grid.addWidget(swatch, row, col * 2)
            self.grid.addWidget(text, row, col * 2 + 1)
            self.entries.append((swatch, text))
        for c in range(self.COLUMNS):
            self.grid.setColumnStretch(c * 2 + 1, 1)


def _line_sample(pen: QPen, points: bool) -> QPixmap:
    pixmap = QPixmap(36, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(pen)
    p.drawLine(2, 7, 34, 7)
    if points:
        p.setBrush(pen.color())
        p.drawEllipse(15, 4, 6, 6)
    p.end()
    return pixmap


def _bar_sample(brush: QBrush, pen: QPen) -> QPixmap:
    pixmap = QPixmap(22, 14)
    pixmap.fill(Qt.GlobalColor.white)
    p = QPainter(pixmap)
    p.setPen(pen)
    p.setBrush(brush)
    p.drawRect(2, 1, 18, 12)
    p.end()
    return pixmap


def with_legend(chart_view: QWidget, legend: ChartLegend) -> QWidget:
    """The chart with its legend under it, as one widget."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(chart_view, 1)
    layout.addWidget(legend)
    return box
