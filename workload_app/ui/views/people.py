"""法官 and 部门: each judge's tally against target, and each division's progress, staffing, transfers."""

from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workload_app.services import quotas as Q
from workload_app.services.quality import report as quality_report
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.i18n import labels, track_label
from workload_app.ui.quality_columns import QUALITY_COLUMNS, QUALITY_DECIMALS, MarkedModel, merge_quality
from workload_app.ui.tables import table_view

JUDGE_COLUMNS = {
    "judge": "法官",
    "division": "部门",
    "role": "职务",
    "track_label": "类别",
    "cases": "结案数",
    "sc": "标准案件",
    "quota": "年度任务",
    "target_to_date": "截至本月目标",
    "completion_pct": "完成率%",
    "score": "得分",
    "base_to_date": "截至本月基础数",
    "saturation_to_date": "截至本月饱和数",
    "role_group": "排名组",
    "rank_division": "部门内排名",
    "rank_court": "全院排名",
}
DIVISION_COLUMNS = {
    "division": "部门",
    "track_label": "类别",
    "judges": "法官人数",
    "equivalents": "折算法官",
    "target": "年度目标",
    "target_to_date": "截至本月目标",
    "sc": "已完成",
    "completion_pct": "完成率%",
    "sc_per_judge": "人均",
    "expected_workload": "预计全年工作量",
    "judges_needed": "所需法官",
}


class JudgesView(QWidget):
    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.model = MarkedModel(
            headers=labels({**JUDGE_COLUMNS, **QUALITY_COLUMNS}),
            decimals={"score": 1, "completion_pct": 1, **QUALITY_DECIMALS},
        )
        self.title = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(table_view(self.model))

    def refresh(self) -> None:
        year, month = self.window_.year(), self.window_.month()
        self.window_.tasks.read(
            self,
            lambda db: merge_quality(
                Q.assessment(db, year, month), quality_report(db, year, month).judges, "judge"
            ),
            lambda a: self.show_judges(a, year, month),
            self._failed,
        )

    def _failed(self, message: str) -> None:
        self.model.set_frame(pd.DataFrame())
        self.title.setText(message)

    def show_judges(self, a: pd.DataFrame, year: int, month: int) -> None:
        a["track_label"] = a["track"].map(track_label)
        a["completion_pct"] = a["completion"] * 100
        a = a[a["quota"].notna() | (a["cases"] > 0)]
        self.model.set_marked(a, [*JUDGE_COLUMNS, *QUALITY_COLUMNS])  # 质效: out of range in red
        self.title.setText(
            self.tr("{y} 年 1—{m} 月，{n} 名法官；排名在同一职务组内比较").format(y=year, m=month, n=len(a))
        )


class DivisionsView(QWidget):
    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.model = MarkedModel(
            headers=labels({**DIVISION_COLUMNS, **QUALITY_COLUMNS}),
            decimals={"completion_pct": 1, "judges_needed": 1, **QUALITY_DECIMALS},
        )
        self.transfers = DataFrameModel(
            headers={
                "from_division": self.tr("调出部门"),
                "to_division": self.tr("调入部门"),
                "standard_cases": self.tr("标准案件"),
                "cases": self.tr("约合案件数"),
            }
        )
        self.balance = QLabel()
        self.balance.setWordWrap(True)
        self.assumed = QLabel()  # what the staffing need and the transfers assumed
        self.assumed.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(table_view(self.model), 3)
        layout.addWidget(self.balance)
        layout.addWidget(QLabel(self.tr("调剂建议（仅为建议，不会自动移动案件）")))
        layout.addWidget(table_view(self.transfers), 1)
        layout.addWidget(self.assumed)

    def refresh(self) -> None:
        year, month = self.window_.year(), self.window_.month()

        def read(db):
            moves = Q.transfers(db, year, month) if month < 12 else []
            divisions = merge_quality(
                Q.division_assessment(db, year, month), quality_report(db, year, month).divisions, "division"
            )
            return divisions, Q.balance(db, year, month), moves

        def failed(message: str) -> None:
            self.model.set_frame(pd.DataFrame())
            self.balance.setText(message)

        self.window_.tasks.read(self, read, self.show_divisions, failed)

    def show_divisions(self, result: tuple) -> None:
        d, b, moves = result
        d["track_label"] = d["track"].map(track_label)
        d["completion_pct"] = d["completion"] * 100
        self.model.set_marked(d, [*DIVISION_COLUMNS, *QUALITY_COLUMNS])
        self.balance.setText(
            self.tr(
                "人案均衡度（各部门人均标准案件的变异系数，越小越均衡）：审判 {t:.3f}，执行 {e:.3f}"
            ).format(t=b["trial"], e=b["enforcement"])
        )
        self.transfers.set_frame(
            pd.DataFrame(
                [m.__dict__ for m in moves],
                columns=["from_division", "to_division", "standard_cases", "cases"],
            )
        )
        notes = []
        month = self.window_.month()
        for track in ("trial", "enforcement"):
            share = d.loc[d["track"] == track, "pattern_share"].dropna()
            if len(share):
                notes.append(
                    self.tr(
                        "{t}：按月度任务分布，1—{m} 月占全年 {s:.1%}；预计全年工作量 = 截至本月标准案件 ÷ {s:.1%}，"
                        "所需法官 = 预计全年工作量 ÷ 一名审判员的年度基本任务。"
                    ).format(t=track_label(track), m=month, s=float(share.iloc[0]))
                )
        if moves:
            notes.append(
                self.tr(
                    "调剂建议：后续收案按同一分布推算（已收案件 ÷ 已过月份占比 × 剩余占比），"
                    "可办标准案件 =（未结 + 后续收案）× 该类案件平均标准案件数，与全年目标的缺口比较。"
                )
            )
        self.assumed.setText("\n".join(notes))
