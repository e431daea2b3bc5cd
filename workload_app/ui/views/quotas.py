"""任务: plan the year, see each input and its derivation, judges' quotas with overrides, monthly
targets with a chart, re-plan mid-year, and the plan versions side by side."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCharts import QChart, QChartView, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from workload_app.core.messages import in_language
from workload_app.core.problems import WorkloadError
from workload_app.core.quotas import derivation_text as core_derivation
from workload_app.services import quotas as Q
from workload_app.services.parameters import require_params
from workload_app.ui import db_errors
from workload_app.ui.chart_style import ChartLegend, style_line, with_legend
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.excel import ExcelButton
from workload_app.ui.i18n import labels, plan_reason, post_label, track_label
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, month_axes, splitter

JUDGE_COLUMNS = {
    "judge": "法官",
    "division": "部门",
    "post": "职务",
    "track_label": "类别",
    "post_fraction": "职务系数",
    "share_in_post": "在岗比例（按月度分布）",
    "common_quota": "基本任务",
    "computed_quota": "测算任务",
    "quota": "年度任务",
    "override_reason": "调整理由",
}


class QuotasView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.plan: dict | None = None
        self.derivation = QLabel()
        self.derivation.setWordWrap(True)
        self.derivation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.filings_trial = QDoubleSpinBox()
        self.filings_enf = QDoubleSpinBox()
        for s in (self.filings_trial, self.filings_enf):
            s.setRange(0, 10_000_000)
            s.setDecimals(0)
            s.setSpecialValueText(self.tr("按上年"))
        self.from_month = QComboBox()
        for m in range(2, 13):
            self.from_month.addItem(self.tr("{m} 月起").format(m=m), m)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("预收审判案件")))
        bar.addWidget(self.filings_trial)
        bar.addWidget(QLabel(self.tr("预收执行案件")))
        bar.addWidget(self.filings_enf)
        for text, slot in (
            (self.tr("下达年度计划"), self.plan_year),
            (self.tr("年中调整"), self.replan),
            (self.tr("调整所选法官任务…"), self.override),
        ):
            if text == self.tr("年中调整"):
                bar.addWidget(self.from_month)
            b = QPushButton(text)
            b.clicked.connect(slot)
            bar.addWidget(b)
        self.judges = DataFrameModel(headers=labels(JUDGE_COLUMNS), decimals={"share_in_post": 4})
        self.judges_view = table_view(self.judges, stretch_last=False)
        self.divisions = DataFrameModel()
        self.months = DataFrameModel()
        self.versions = DataFrameModel()
        tabs = QTabWidget()
        tabs.addTab(self.judges_view, self.tr("法官任务"))
        for model, title in (
            (self.divisions, self.tr("部门目标（逐月）")),
            (self.versions, self.tr("计划版本对比")),
        ):
            tabs.addTab(table_view(model, stretch_last=False), title)
        self.tabs = tabs
        tab_models = (self.judges, self.divisions, self.versions)
        self.excel = ExcelButton(
            self.judges,
            lambda: f"{self.window_.year()}_{tabs.tabText(tabs.currentIndex())}",
        )
        tabs.currentChanged.connect(lambda i: setattr(self.excel, "model", tab_models[i]))
        bar.addWidget(self.excel)
        self.chart = QChart()
        self.chart.setTitle(self.tr("全院逐月目标"))
        self.chart_legend = ChartLegend(self.chart)
        chart_view = QChartView(self.chart)
        chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        split = splitter(tabs, with_legend(chart_view, self.chart_legend), sizes=[420, 300], vertical=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.derivation)
        layout.addLayout(bar)
        layout.addWidget(split)

    def refresh(self) -> None:
        db, year = self.window_.db, self.window_.year()
        self.plan = Q.current_plan(db, year)
        if self.plan is None:
            self.derivation.setText(
                self.tr("{y} 年度尚未下达任务。填写预收案件数（或按上年），然后点「下达年度计划」。").format(
                    y=year
                )
            )
            for m in (self.judges, self.divisions, self.versions):
                m.set_frame(pd.DataFrame())
            self.chart.removeAllSeries()
            self.chart_legend.sync()
            return
        p = self.plan
        lines = [
            self.tr("第 {v} 版（{r}，{t}）").format(
                v=p["version"], r=plan_reason(p["reason"]), t=str(p["created_at"]).replace("T", " ")
            )
        ]
        lines += [
            self.tr("{track}：{text}").format(track=track_label(t), text=self._derivation(t, text))
            for t, text in p["derivation"].items()
        ]
        lines.append(
            self.tr(
                "月度目标按{p}分布（审判、执行各用本类上年的分布）；年中入额或离任的法官，"
                "每月目标 = 同职务全年在岗法官该月目标 × 当月在岗比例，年度任务为各月之和。"
            ).format(p=self._pattern_label(p.get("pattern", "")))
        )
        self.derivation.setText("\n".join(lines))
        judges = pd.DataFrame(p["judges"])
        judges["track_label"] = judges["track"].map(track_label)
        judges["post"] = judges["post"].map(post_label)
        self.judges.set_frame(judges[list(JUDGE_COLUMNS)])
        targets = Q.division_targets(p, db)
        self._draw(targets)  # by track code: the same colour and line in either language
        targets["track"] = targets["track"].map(track_label)
        self.divisions.set_frame(
            targets.rename(
                columns={
                    "division": self.tr("部门"),
                    "track": self.tr("类别"),
                    "target": self.tr("年度目标"),
                    **{f"m{m}": self.tr("{m}月").format(m=m) for m in range(1, 13)},
                }
            )
        )
        versions = Q.plan_versions(db, year)
        rows = {}
        for v in versions:
            frame = pd.DataFrame(v["judges"]).set_index("judge")["quota"]
            rows[self.tr("第{v}版").format(v=v["version"])] = frame
        self.versions.set_frame(
            pd.DataFrame(rows)
            .reset_index()
            .rename(columns={"index": self.tr("法官"), "judge": self.tr("法官")})
        )

    def _derivation(self, track: str, text: str) -> str:
        """How the common quota was derived, from the plan's stored inputs (in the window's language)."""
        return derivation_text((self.plan or {}).get("inputs", {}).get(track), text)

    def _pattern_label(self, pattern: str) -> str:
        return {
            "last_year": self.tr("上年各月结案"),
            "even": self.tr("各月平均"),
            "working_days": self.tr("各月工作日"),
        }.get(pattern, pattern)

    def _draw(self, targets: pd.DataFrame) -> None:
        ax, ay = month_axes(self.chart)
        top = 0.0
        for track in ("trial", "enforcement"):
            part = targets[targets["track"] == track]
            if part.empty:
                continue
            s = QLineSeries()
            s.setName(self.tr("{t}：当月目标").format(t=track_label(track)))
            style_line(s, track, target=True)
            values = part[[f"m{m}" for m in range(1, 13)]].sum().to_numpy()
            for m, v in enumerate(values, start=1):
                s.append(m, float(v))
            top = max(top, float(values.max()))
            self.chart.addSeries(s)
            s.attachAxis(ax)
            s.attachAxis(ay)
        ay.setRange(0, top * 1.1 or 1)
        ay.applyNiceNumbers()
        ay.setLabelFormat("%.0f")
        self.chart_legend.sync()

    def _filings(self) -> dict[str, float] | None:
        out = {}
        if self.filings_trial.value() > 0:
            out["trial"] = self.filings_trial.value()
        if self.filings_enf.value() > 0:
            out["enforcement"] = self.filings_enf.value()
        return out or None

    def plan_year(self, confirm: bool = True) -> None:
        """下达年度计划: refused on parameters nobody saved (the rule 重新计算 follows,
        ``parameters.require_params``), else asked once more: the plan becomes official at once."""
        year, filings = self.window_.year(), self._filings()
        try:
            require_params(self.window_.db, year)
        except WorkloadError as exc:
            QMessageBox.warning(self, self.tr("未下达"), db_errors.text(exc))
            return
        if confirm:
            forecast = self.tr("预收案件：审判 {t}，执行 {e}").format(
                t=f"{filings.get('trial'):g}" if filings and "trial" in filings else self.tr("按上年推算"),
                e=f"{filings.get('enforcement'):g}"
                if filings and "enforcement" in filings
                else self.tr("按上年推算"),
            )
            answer = QMessageBox.question(
                self,
                self.tr("下达年度计划"),
                self.tr(
                    "按{p}下达 {y} 年度任务计划？\n{f}\n\n"
                    "下达后即为正式任务：法官和庭长可看到各自的任务，可打印任务下达通知；"
                    "之后只能年中调整或逐人调整，原计划保留为旧版本。"
                ).format(p=self.window_.params_in_use_text(), y=year, f=forecast),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.window_.tasks.run(
            lambda db, progress: Q.plan_year(db, year, expected_filings=filings, progress=progress),
            parent=self,
            label=self.tr("正在下达 {y} 年度计划").format(y=year),
            on_done=self.window_.apply_changes,
        )

    def replan(self) -> None:
        year, month, filings = self.window_.year(), self.from_month.currentData(), self._filings()
        reason, ok = QInputDialog.getText(self, self.tr("年中调整"), self.tr("调整理由："))
        if not ok:
            return
        self.window_.tasks.run(
            lambda db, progress: Q.replan(db, year, month, expected_filings=filings, reason=reason),
            parent=self,
            label=self.tr("正在调整计划"),
            on_done=self.window_.apply_changes,
        )

    def override(self) -> None:
        index = self.judges_view.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, self.tr("调整任务"), self.tr("请先在表中选中一位法官"))
            return
        row = self.judges.row_at(index.row())
        value, ok = QInputDialog.getDouble(
            self,
            self.tr("调整任务"),
            self.tr("{j} 的年度任务：").format(j=row["judge"]),
            float(row["quota"]),
            0,
            100000,
            2,
        )
        if not ok:
            return
        reason, ok = QInputDialog.getText(self, self.tr("调整任务"), self.tr("理由（必填）："))
        if not ok:
            return
        try:
            changes = Q.override_quota(self.window_.db, self.window_.year(), row["judge"], value, reason)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            QMessageBox.warning(self, self.tr("无法调整"), db_errors.text(exc))
            return
        self.window_.apply_changes(changes)


def derivation_text(inputs: dict | None, stored: str) -> str:
    """How a track's common quota was derived, rebuilt from the plan's stored inputs in the
    window's language (任务 and 我的工作量 both show it; the words are ``core.quotas.derivation_text``'s);
    a plan without inputs keeps its ``stored`` words."""
    return in_language(core_derivation(inputs), db_errors.language()) if inputs else stored
