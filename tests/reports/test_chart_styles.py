"""The sheets' charts are drawn as the README says: done solid with a dot per month, target dashed
without dots, done bars filled and target bars hatched, the legend on the top line drawing the
very line or hatching it names."""

from __future__ import annotations

from reportlab.graphics.shapes import Group, Line, Rect, String

from workload_app.reports.charts import TARGET_DASH, bar_chart, progress_chart


def test_progress_chart_lines_and_legend_as_the_readme_says():
    d = progress_chart([10.0, 25.0, 40.0], [12.0 * m for m in range(1, 13)], 400, 180, "执行标准案件")
    plot = next(x for x in d.contents if hasattr(x, "lines"))
    done, target = plot.lines[0], plot.lines[1]
    assert getattr(done, "strokeDashArray", None) is None and done.symbol is not None
    assert target.strokeDashArray == TARGET_DASH and getattr(target, "symbol", None) is None
    plot_top = plot.y + plot.height  # 30 + (180 - 58) = 152
    assert plot_top == 152
    legend = [s for s in d.contents if isinstance(s, String) and s.text in ("累计完成", "累计目标")]
    assert [s.text for s in legend] == ["累计完成", "累计目标"]
    assert all(s.y == 180 - 12 > plot_top for s in legend)
    samples = [x for x in d.contents if isinstance(x, Line) and x.y1 == 180 - 12 + 3]
    assert [x.strokeDashArray for x in samples] == [None, TARGET_DASH]


def test_bar_chart_filled_and_hatched_with_the_legend_on_top():
    d, key = bar_chart(["民一庭", "执行局"], [30.0, 50.0], [40.0, 45.0], 400, 180, "各部门")
    assert key == []
    plot_top = 34 + (180 - 34 - 26)  # y0 + plot height = 154
    done_bars = [x for x in d.contents if isinstance(x, Rect) and x.y == 34]
    assert len(done_bars) == 2 and all(x.fillColor is not None for x in done_bars)
    hatches = [x for x in d.contents if isinstance(x, Group)]
    assert len(hatches) == 3  # one per target bar and the legend's sample
    legend = [s for s in d.contents if isinstance(s, String) and s.text in ("完成", "目标")]
    assert [s.text for s in legend] == ["完成", "目标"] and all(s.y == 168 > plot_top for s in legend)
