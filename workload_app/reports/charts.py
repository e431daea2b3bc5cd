"""Vector charts with reportlab's own graphics: cumulative actual against target, bars per group."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from workload_app.reports.fonts import register_fonts

ACTUAL = colors.HexColor("#1f77b4")
TARGET = colors.HexColor("#d62728")


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    import math

    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * exp:
            return step * exp
    return 10 * exp


def progress_chart(
    actual: list[float], target: list[float], width: float, height: float, title: str
) -> Drawing:
    """Cumulative standard cases by month (solid, with markers) against the cumulative target (dashed)."""
    font = register_fonts()
    d = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 40, 30
    plot.width, plot.height = width - 150, height - 50
    series = [list(zip(range(1, len(target) + 1), target, strict=True))]
    if actual:
        series.insert(0, list(zip(range(1, len(actual) + 1), actual, strict=True)))
    plot.data = series
    top = _nice_max(max([*actual, *target, 1.0]))
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = 0, top
    plot.yValueAxis.valueStep = top / 5
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 1, 12
    plot.xValueAxis.valueSteps = list(range(1, 13))
    plot.xValueAxis.labelTextFormat = lambda v: f"{int(v)}月"
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 7
    idx = 0
    if actual:
        plot.lines[0].strokeColor = ACTUAL
        plot.lines[0].strokeWidth = 1.6
        plot.lines[0].symbol = makeMarker("FilledCircle", size=3, fillColor=ACTUAL)
        idx = 1
    plot.lines[idx].strokeColor = TARGET
    plot.lines[idx].strokeWidth = 1.2
    plot.lines[idx].strokeDashArray = [3, 2]
    d.add(plot)
    legend = Legend()
    legend.x, legend.y = width - 100, height - 30
    legend.fontName, legend.fontSize = font, 8
    legend.alignment = "right"
    legend.colorNamePairs = [(ACTUAL, "累计完成"), (TARGET, "累计目标")]
    d.add(legend)
    d.add(String(40, height - 12, title, fontName=font, fontSize=9))
    return d


def bar_chart(
    labels: list[str],
    values: list[float],
    reference: list[float] | None,
    width: float,
    height: float,
    title: str,
) -> Drawing:
    """Bars per group (e.g. division), with a second bar for its target when given."""
    font = register_fonts()
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 40
    chart.width, chart.height = width - 60, height - 60
    chart.data = [values] + ([reference] if reference else [])
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 20
    chart.categoryAxis.labels.dy = -8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max([*values, *(reference or []), 1.0]))
    chart.bars[0].fillColor = ACTUAL
    if reference:
        chart.bars[1].fillColor = colors.HexColor("#f4b6b6")
    d.add(chart)
    d.add(String(40, height - 12, title, fontName=font, fontSize=9))
    if reference:
        legend = Legend()
        legend.x, legend.y = width - 90, height - 8
        legend.fontName, legend.fontSize = font, 8
        legend.colorNamePairs = [(ACTUAL, "完成"), (colors.HexColor("#f4b6b6"), "目标")]
        d.add(legend)
    return d
