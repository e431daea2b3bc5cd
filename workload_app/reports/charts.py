"""Vector charts with reportlab's own graphics: cumulative actual against target, bars per division.

Printed sheets are often photocopied in black and white, so nothing relies on colour alone: the
actual line is solid with round markers, the target dashed without markers, target bars are
hatched, and each legend draws the very line style or hatching it explains. A chart carries one
unit only (trial and enforcement standard cases are never put on one axis). Division names that
do not fit under their bars are wrapped, or, if still too long, numbered with a key below.
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from workload_app.reports.fonts import register_fonts

ACTUAL = colors.HexColor("#1f4e8c")
TARGET = colors.HexColor("#b22222")
INK = colors.HexColor("#222222")
GRIDLINE = colors.HexColor("#cccccc")
TARGET_DASH = [4, 2.5]
HATCH_STEP = 3.2


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * exp:
            return step * exp
    return 10 * exp


def axis_label(value: float) -> str:
    """A value axis label with thousands separators (1,250), as figures are written elsewhere."""
    return f"{value:,.0f}"


def hatch(x: float, y: float, w: float, h: float, color=TARGET, step: float = HATCH_STEP) -> Group:
    """A rectangle with a dark outline filled with 45° lines (survives greyscale printing)."""
    g = Group()
    g.add(Rect(x, y, w, h, fillColor=colors.white, strokeColor=color, strokeWidth=0.6))
    if w <= 0 or h <= 0:
        return g
    t = -h
    while t < w:
        u0, u1 = max(0.0, -t), min(h, w - t)
        if u1 > u0:
            g.add(Line(x + t + u0, y + u0, x + t + u1, y + u1, strokeColor=color, strokeWidth=0.5))
        t += step
    return g


def _legend_line(d: Drawing, x: float, y: float, label: str, font: str, *, dashed: bool, color) -> float:
    d.add(
        Line(
            x,
            y + 3,
            x + 22,
            y + 3,
            strokeColor=color,
            strokeWidth=1.6 if not dashed else 1.2,
            strokeDashArray=TARGET_DASH if dashed else None,
        )
    )
    if not dashed:
        marker = makeMarker("FilledCircle", size=3.5, fillColor=color)
        marker.x, marker.y = x + 11, y + 3
        d.add(marker)
    d.add(String(x + 26, y, label, fontName=font, fontSize=8, fillColor=INK))
    return x + 30 + stringWidth(label, font, 8) + 10


def progress_chart(
    actual: list[float], target: list[float], width: float, height: float, title: str
) -> Drawing:
    """Cumulative standard cases by month (solid, with markers) against the cumulative target (dashed)."""
    font = register_fonts()
    d = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 40, 30
    plot.width, plot.height = width - 60, height - 58
    series = [list(zip(range(1, len(target) + 1), target, strict=True))]
    if actual:
        series.insert(0, list(zip(range(1, len(actual) + 1), actual, strict=True)))
    plot.data = series
    top = _nice_max(max([*actual, *target, 1.0]))
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = 0, top
    plot.yValueAxis.valueStep = top / 5
    plot.yValueAxis.labelTextFormat = axis_label if top >= 10 else (lambda v: f"{v:g}")
    plot.yValueAxis.visibleGrid = 1
    plot.yValueAxis.gridStrokeColor = GRIDLINE
    plot.yValueAxis.gridStrokeWidth = 0.3
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
        plot.lines[0].symbol = makeMarker("FilledCircle", size=3.5, fillColor=ACTUAL)
        idx = 1
    plot.lines[idx].strokeColor = TARGET
    plot.lines[idx].strokeWidth = 1.2
    plot.lines[idx].strokeDashArray = TARGET_DASH
    d.add(plot)
    d.add(String(40, height - 12, title, fontName=font, fontSize=9, fillColor=INK))
    x = max(40 + stringWidth(title, font, 9) + 16, width - 190)
    x = _legend_line(d, x, height - 12, "累计完成", font, dashed=False, color=ACTUAL)
    _legend_line(d, x, height - 12, "累计目标", font, dashed=True, color=TARGET)
    return d


def _wrap(label: str, font: str, size: float, room: float, max_lines: int) -> list[str] | None:
    """``label`` cut into at most ``max_lines`` lines of width ``room``, or None if it needs more."""
    lines, line = [], ""
    for ch in label:
        if stringWidth(line + ch, font, size) > room and line:
            lines.append(line)
            line = ch
        else:
            line += ch
    lines.append(line)
    return lines if len(lines) <= max_lines else None


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def bar_chart(
    labels: list[str],
    values: list[float],
    reference: list[float] | None,
    width: float,
    height: float,
    title: str,
) -> tuple[Drawing, list[tuple[str, str]]]:
    """Bars per group (solid: done) with the target beside each (hatched). Returns the drawing and
    the key [(mark, full name)] for names too long to wrap under their bars (empty if none)."""
    font = register_fonts()
    size = 7
    d = Drawing(width, height)
    x0, y0 = 44, 34
    plot_w, plot_h = width - x0 - 10, height - y0 - 26
    n = max(len(labels), 1)
    slot = plot_w / n
    room = slot - 4
    wrapped = [_wrap(label, font, size, room, 2) for label in labels]
    key: list[tuple[str, str]] = []
    if any(w is None for w in wrapped):
        # one naming scheme for the whole axis: every bar numbered, the key below gives names
        key = [(CIRCLED[i] if i < len(CIRCLED) else f"({i + 1})", label) for i, label in enumerate(labels)]
        wrapped = [[mark] for mark, _ in key]
    top = _nice_max(max([*values, *(reference or []), 1.0]))
    for i in range(6):
        y = y0 + plot_h * i / 5
        d.add(Line(x0, y, x0 + plot_w, y, strokeColor=GRIDLINE if i else INK, strokeWidth=0.3 if i else 0.6))
        value = top * i / 5
        text = axis_label(value) if top >= 10 else f"{value:g}"
        d.add(String(x0 - 3, y - 2.5, text, fontName=font, fontSize=size, textAnchor="end", fillColor=INK))
    d.add(Line(x0, y0, x0, y0 + plot_h, strokeColor=INK, strokeWidth=0.6))
    bars = 2 if reference else 1
    bar_w = min(18.0, (slot * 0.7) / bars)
    for i, v in enumerate(values):
        left = x0 + slot * i + (slot - bar_w * bars) / 2
        h = plot_h * max(v, 0.0) / top
        d.add(Rect(left, y0, bar_w, h, fillColor=ACTUAL, strokeColor=INK, strokeWidth=0.4))
        if reference:
            d.add(hatch(left + bar_w, y0, bar_w, plot_h * max(reference[i], 0.0) / top))
        for j, line in enumerate(wrapped[i] or []):
            d.add(
                String(
                    x0 + slot * (i + 0.5),
                    y0 - 10 - j * (size + 1.5),
                    line,
                    fontName=font,
                    fontSize=size,
                    textAnchor="middle",
                    fillColor=INK,
                )
            )
    d.add(String(x0, height - 12, title, fontName=font, fontSize=9, fillColor=INK))
    lx = width - 150
    d.add(Rect(lx, height - 13, 12, 8, fillColor=ACTUAL, strokeColor=INK, strokeWidth=0.4))
    d.add(String(lx + 16, height - 12, "完成", fontName=font, fontSize=8, fillColor=INK))
    if reference:
        d.add(hatch(lx + 50, height - 13, 12, 8))
        d.add(String(lx + 66, height - 12, "目标", fontName=font, fontSize=8, fillColor=INK))
    return d, key
