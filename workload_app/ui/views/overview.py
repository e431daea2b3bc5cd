"""概览: the court's progress against its cumulative targets, divisions behind schedule, balance,
staffing need and data quality, for the selected year and month."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from workload_app.core import quotas as q
from workload_app.core.scope import Action
from workload_app.core.standard import AWAITING_APPROVAL, INCOMPLETE, OUTLIER
from workload_app.services import info
from workload_app.services import quality as quality_service
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.ui import db_errors
from workload_app.ui.chart_style import ChartLegend, style_bars, style_line, with_legend
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.i18n import labels, months_to, separator, track_label
from workload_app.ui.quality_columns import INDICATOR_COLUMNS, MarkedModel, indicator_rows
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, month_axes

COLUMNS = {
    "division": "部门",
    "track_label": "类别",
    "target_to_date": "截至本月目标",
    "sc": "已完成",
    "completion_pct": "完成率%",
    "sc_per_judge": "人均",
    "judges_needed": "所需法官",
    "equivalents": "现有（折算）",
}


class OverviewView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = DataFrameModel(
            headers=labels(COLUMNS),
            decimals={"completion_pct": 1, "judges_needed": 1},
        )
        self.table = table_view(self.model)
        self.chart = QChart()
        self.chart.setTitle(
            self.tr("全院累计完成与目标（标准案件）")
            if window.scope.allows(Action.READ_COURT)
            else self.tr("本部门累计完成与目标（标准案件）")
        )
        self.chart_legend = ChartLegend(self.chart)  # full names, wrapped: never cut in English
        chart_view = QChartView(self.chart)
        chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart_view.setMinimumHeight(260)
        self.bands = QChart()
        self.bands.setTitle(self.tr("法官完成率分布（人数）"))
        self.bands_legend = ChartLegend(self.bands)
        bands_view = QChartView(self.bands)
        bands_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        bands_view.setMinimumHeight(220)
        self.distribution: dict[str, pd.Series] = {}
        left = QVBoxLayout()
        left.addWidget(self.table, 3)
        left.addWidget(with_legend(bands_view, self.bands_legend), 2)
        row = QHBoxLayout()
        row.addLayout(left, 7)  # the division table without scrolling at 1366 px, in English too
        row.addWidget(with_legend(chart_view, self.chart_legend), 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(row, 3)
        layout.addLayout(self._quality_row(window), 2)

    TREND_COLUMNS = {
        "month": "月份",
        "filed": "收案",
        "closed": "结案",
        "closed_to_filed": "结收比",
        "within_limit_pct": "审限内结案率%",
        "mean_days": "平均审理天数",
        "long_pending": "月末长期未结",
    }

    def _quality_row(self, window) -> QHBoxLayout:
        """质效: the court's (a 庭长: the division's) indicators and their trend by month."""
        self.indicators = MarkedModel(
            headers=labels(INDICATOR_COLUMNS), decimals={"numerator": 0, "denominator": 0}
        )
        self.trend = DataFrameModel(
            headers=labels(self.TREND_COLUMNS),
            decimals={"closed_to_filed": 2, "within_limit_pct": 1, "mean_days": 1},
        )
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(
            QLabel(
                self.tr("全院质效指标（超出参考范围的标 ▲）")
                if window.scope.allows(Action.READ_COURT)
                else self.tr("本部门质效指标（超出参考范围的标 ▲）")
            )
        )
        left.addWidget(table_view(self.indicators, sortable=False))
        right.addWidget(QLabel(self.tr("质效逐月趋势")))
        right.addWidget(table_view(self.trend, sortable=False))
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        return row

    def show_quality(self, rep, trend) -> None:
        fig = rep.court if rep.court is not None else (rep.divisions[0] if rep.divisions else None)
        self.indicators.set_marked(indicator_rows(fig), list(INDICATOR_COLUMNS))
        rows = []
        for m, t in enumerate(trend, start=1):
            within, days = t.indicator("within_limit_rate"), t.indicator("mean_days")
            ratio = t.indicator("closed_to_filed")
            rows.append(
                {
                    "month": m,
                    "filed": t.filed,
                    "closed": t.closed,
                    "closed_to_filed": ratio.value if ratio.value is not None else np.nan,
                    "within_limit_pct": within.value * 100 if within.value is not None else np.nan,
                    "mean_days": days.value if days.value is not None else np.nan,
                    "long_pending": t.pending_12_18 + t.pending_18_36 + t.pending_over_36,
                }
            )
        self.trend.set_frame(pd.DataFrame(rows, columns=list(self.TREND_COLUMNS)))

    def show_empty(self) -> None:
        """An empty database: the steps to take, in the window, for the user's role."""
        self.title.setText(self.tr("数据库中还没有案件"))
        self.model.set_frame(pd.DataFrame())
        scope = self.window_.scope
        if scope.allows(Action.ADMINISTER):
            steps = self.tr(
                "请按以下步骤开始：\n"
                "1. 菜单「文件 → 导入法官名册…」导入名册（姓名、部门、职务、类别、入额日期）。\n"
                "2. 菜单「文件 → 导入结案数据…」导入审判流程管理系统导出的结案表（也可把文件拖到本窗口）。\n"
                "3. 在左侧「参数」页核对本年度参数，点「保存为新版本…」，再点「发布（冻结）…」。\n"
                "4. 在「任务」页下达年度任务；之后各页即显示数字。"
            )
        elif scope.allows(Action.IMPORT_CASES):
            steps = self.tr(
                "请按以下步骤开始：\n"
                "1. 菜单「文件 → 导入法官名册…」导入名册。\n"
                "2. 菜单「文件 → 导入结案数据…」导入结案表（也可把文件拖到本窗口）。\n"
                "3. 请管理员在「参数」页保存并发布本年度参数。\n"
                "4. 在「任务」页下达年度任务。"
            )
        else:
            steps = self.tr("人事部门或管理员导入名册和结案数据后，这里会显示本部门的数字。")
        self.summary.setText(steps)

    def refresh(self) -> None:
        """Read the figures on the worker; draw them when they arrive."""
        year, month = self.window_.year(), self.window_.month()

        lang = db_errors.language()

        def read(db) -> dict:
            merged, _, _ = S.results(db, year)
            flags = merged.loc[merged["closed_month"] <= month, "flags"].to_numpy()
            return {
                "info": info.summary(db),
                "figures": Q.figures(
                    db, year, month
                ),  # the assessment, computed once, as the user may see it
                "closed": len(flags),
                "quality": [int((flags & bit > 0).sum()) for bit in (INCOMPLETE, AWAITING_APPROVAL, OUTLIER)],
                "quality_report": quality_service.report(db, year, month),
                "trend": quality_service.trend(db, year, month),
                "computed": S.computed_note(db, year, lang),  # on the server, for a 庭长
            }

        def failed(error: BaseException) -> None:
            self.show_nothing()
            self.summary.setText(db_errors.text(error))

        self.title.setText(self.tr("{year} 年 {months}概览").format(year=year, months=months_to(month)))
        self.window_.tasks.read(self, read, lambda figures: self.show_figures(figures, month), failed)

    def show_nothing(self) -> None:
        """No figures for the chosen year (no parameters yet, or a failed read): every table and
        chart emptied, so nothing of the year shown before stays under this year's title."""
        self.model.set_frame(pd.DataFrame())
        self.indicators.set_marked(pd.DataFrame(columns=list(INDICATOR_COLUMNS)), list(INDICATOR_COLUMNS))
        self.trend.set_frame(pd.DataFrame(columns=list(self.TREND_COLUMNS)))
        for chart, legend in ((self.chart, self.chart_legend), (self.bands, self.bands_legend)):
            chart.removeAllSeries()
            for axis in chart.axes():
                chart.removeAxis(axis)
            legend.sync()
        self.distribution = {}

    def show_figures(self, f: dict, month: int) -> None:
        figures = f["figures"]
        d = figures.division_table.copy()
        d["track_label"] = d["track"].map(track_label)
        d["completion_pct"] = d["completion"] * 100
        self.model.set_frame(d[list(COLUMNS)])
        behind = d[d["completion"] < 1.0]["division"].tolist()
        incomplete, awaiting, outlier = f["quality"]
        self.summary.setText(
            self.tr(
                "部门 {d} 个，法官 {j} 名；本期结案 {n} 件。进度落后的部门：{behind}。\n"
                "人案均衡度（变异系数）：审判 {bt:.3f}，执行 {be:.3f}。数据质量：数据不全 {inc} 件，待审批 {aw} 件，异常页数 {out} 件。"
            ).format(
                d=f["info"]["divisions"],
                j=f["info"]["judges"],
                n=f["closed"],
                behind=separator().join(behind) or self.tr("无"),
                bt=figures.balance.get("trial", math.nan),
                be=figures.balance.get("enforcement", math.nan),
                inc=incomplete,
                aw=awaiting,
                out=outlier,
            )
        )
        if f.get("computed"):  # a 庭长 on the court server: when 人事 computed what is read
            self.summary.setText(self.summary.text() + "\n" + f["computed"])
        distribution = figures.distribution()
        self._draw(figures, tracks=set(distribution))
        self._draw_bands(distribution)
        self.show_quality(f["quality_report"], f["trend"])

    def _draw_bands(self, distribution: dict[str, pd.Series]) -> None:
        """Judges per completion band, one bar set per track."""
        self.distribution = distribution
        self.bands.removeAllSeries()
        for axis in self.bands.axes():
            self.bands.removeAxis(axis)
        series = QBarSeries()
        top = 1
        for track in ("trial", "enforcement"):
            if track not in distribution:
                continue
            counts = distribution[track]
            bar = QBarSet(track_label(track))
            style_bars(bar, track)
            for n in counts:
                bar.append(int(n))
            series.append(bar)
            top = max(top, int(counts.max()))
        series.setLabelsVisible(True)
        self.bands.addSeries(series)
        ax = QBarCategoryAxis()
        ax.append(q.completion_bands())
        ay = QValueAxis()
        step = max(1, math.ceil(top / 5))  # whole judges on the axis
        ticks = math.ceil(top * 1.15 / step)
        ay.setRange(0, step * ticks)
        ay.setTickCount(ticks + 1)
        ay.setLabelFormat("%d")
        self.bands.addAxis(ax, Qt.AlignmentFlag.AlignBottom)
        self.bands.addAxis(ay, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(ax)
        series.attachAxis(ay)
        self.bands_legend.sync()

    def _draw(self, figures, tracks: set[str]) -> None:
        """Cumulative done and target (``figures.progress``) for each track the visible judges work in."""
        ax, ay = month_axes(self.chart)
        top = 1.0
        for track in ("trial", "enforcement"):
            if track not in tracks:
                continue
            progress = figures.progress[track]
            series = QLineSeries()
            series.setName(self.tr("{t}完成").format(t=track_label(track)))
            style_line(series, track)
            for m, v in enumerate(progress.actual, start=1):
                series.append(m, float(v))
            self._attach(series, ax, ay)
            top = max([top, *progress.actual])
            if figures.planned:
                t_series = QLineSeries()
                t_series.setName(self.tr("{t}目标").format(t=track_label(track)))
                style_line(t_series, track, target=True)
                for m, v in enumerate(progress.target, start=1):
                    t_series.append(m, float(v))
                self._attach(t_series, ax, ay)
                top = max([top, *progress.target])
        ay.setRange(0, top * 1.05)
        ay.applyNiceNumbers()
        ay.setLabelFormat("%.0f")
        self.chart_legend.sync()

    def _attach(self, series: QLineSeries, ax: QValueAxis, ay: QValueAxis) -> None:
        self.chart.addSeries(series)
        series.attachAxis(ax)
        series.attachAxis(ay)
