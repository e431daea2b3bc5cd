"""权重模拟: vary the three trial weights within a range around the parameters being edited and see
how the judges' ranks move (rank stability), before the change is saved. Runs on the worker."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from workload_app.core.params import Params
from workload_app.core.problems import ParameterError
from workload_app.core.what_if import RankStability
from workload_app.services import what_if as W
from workload_app.ui import db_errors
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.i18n import labels, track_label
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, splitter, titled

JUDGE_COLUMNS = {
    "judge": "法官",
    "division": "部门",
    "post": "职务",
    "track_label": "类别",
    "rank": "现排名",
    "best": "最好",
    "worst": "最差",
    "swing": "波动",
    "unchanged_pct": "名次不变%",
    "sc": "标准案件",
    "sc_min": "最少",
    "sc_max": "最多",
}
SCENARIO_COLUMNS = {
    "file": "卷宗权重",
    "transcript": "笔录权重",
    "judgment": "文书权重",
    "moved": "名次变化人数",
    "max_shift": "最大变动",
}


class WhatIfPanel(View):
    """``centre`` gives the parameters being edited (raises ParameterError when they are invalid)."""

    def __init__(self, window, centre: Callable[[], Params]) -> None:
        super().__init__(window)
        self.centre = centre
        self.spread = QDoubleSpinBox()
        self.spread.setRange(1, 50)
        self.spread.setSingleStep(5)
        self.spread.setDecimals(0)
        self.spread.setValue(20)
        self.spread.setSuffix(" %")
        self.steps = QSpinBox()
        self.steps.setRange(3, 15)
        self.steps.setValue(9)
        self.run_button = QPushButton(self.tr("计算排名稳定性"))
        self.run_button.clicked.connect(self.run)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("每项权重变动 ±")))
        controls.addWidget(self.spread)
        controls.addWidget(QLabel(self.tr("每项取值个数")))
        controls.addWidget(self.steps)
        controls.addWidget(self.run_button)
        controls.addStretch(1)
        explain = QLabel(
            self.tr(
                "以「参数设置」页当前填写的权重为中心，卷宗、庭审笔录、裁判文书三项权重各在上述范围内变动"
                "（三项之和保持为 1），逐一计算各法官的全院排名（同一类别、同一职务组内比较；"
                "已下达任务时按完成率，否则按标准案件数）。参数不会被保存。"
            )
        )
        explain.setWordWrap(True)
        self.summary = QLabel(self.tr("尚未计算。"))
        self.summary.setWordWrap(True)
        self.judges = DataFrameModel(
            headers=labels(JUDGE_COLUMNS), decimals={"unchanged_pct": 0, "sc": 2, "sc_min": 2, "sc_max": 2}
        )
        self.scenarios = DataFrameModel(
            headers=labels(SCENARIO_COLUMNS),
            decimals={"file": 4, "transcript": 4, "judgment": 4, "max_shift": 0},
        )
        self.judges_table = table_view(self.judges)
        self.scenarios_table = table_view(self.scenarios)
        split = splitter(
            titled(self.tr("各法官排名的变动范围（波动大的在前）"), self.judges_table),
            titled(self.tr("各权重方案（第 1 行为中心）"), self.scenarios_table),
            sizes=[780, 420],
            stretch=[3, 2],
        )
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.result: RankStability | None = None

    def run(self) -> None:
        try:
            params = self.centre()
        except ParameterError as exc:
            QMessageBox.warning(self, self.tr("参数有误"), db_errors.text(exc))
            return
        month, spread, steps = self.window_.month(), self.spread.value() / 100, self.steps.value()
        self.run_button.setEnabled(False)

        def job(db, progress):
            return W.rank_stability(db, params, month, spread, steps, progress)

        def failed(error: BaseException) -> None:
            message = db_errors.text(error)
            self.run_button.setEnabled(True)
            QMessageBox.warning(self, self.tr("无法计算"), message)

        self.window_.tasks.run(
            job,
            parent=self,
            label=self.tr("正在计算各权重方案下的排名"),
            on_done=self.show_result,
            on_failed=failed,
            on_cancelled=lambda: self.run_button.setEnabled(True),
        )

    def show_result(self, result: RankStability) -> None:
        self.run_button.setEnabled(True)
        self.result = result
        j = result.judges.copy()
        j["track_label"] = j["track"].map(track_label)
        j["unchanged_pct"] = j["unchanged"] * 100
        self.judges.set_frame(j[list(JUDGE_COLUMNS)])
        self.scenarios.set_frame(result.scenarios[list(SCENARIO_COLUMNS)])
        ranked = j["rank"].notna()
        steady = int((j.loc[ranked, "swing"] == 0).sum())
        worst = int(j["swing"].max()) if ranked.any() else 0
        basis = self.tr("完成率") if result.by_completion else self.tr("标准案件数")
        w = result.scenarios.iloc[0]
        self.summary.setText(
            self.tr(
                "{n} 个权重方案（中心：卷宗 {f:.3f}、笔录 {t:.3f}、文书 {j:.3f}），按{b}排名："
                "{r} 名法官中 {s} 名名次始终不变，最大波动 {m} 位；"
                "{k} 个方案中至少有一名法官名次变化。"
            ).format(
                n=len(result.scenarios),
                f=w["file"],
                t=w["transcript"],
                j=w["judgment"],
                b=basis,
                r=int(ranked.sum()),
                s=steady,
                m=worst,
                k=int(np.count_nonzero(result.scenarios["moved"].to_numpy())),
            )
        )
