"""法官 and 部门: each judge's tally against target, and each division's progress, staffing, transfers.

Who is behind shows at a glance: completion is coloured by band (the 概览 bands, with the band
also written out for black-and-white print), 只看未达进度 keeps the rows under 100 %, and each
division stands beside the court's figures and its own same period last year. A 庭长 sees the
court's figures for comparison, never other judges' names."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QMenu, QVBoxLayout

from workload_app.core import quotas as q
from workload_app.services import comparison as C
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.services.exports import TALLY_HEADINGS
from workload_app.services.quality import report as quality_report
from workload_app.ui import db_errors
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.excel import ExcelButton
from workload_app.ui.i18n import labels, months_to, post_label, separator, track_label
from workload_app.ui.quality_columns import QUALITY_COLUMNS, QUALITY_DECIMALS, MarkedModel, merge_quality
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View

_T = TALLY_HEADINGS  # the headings of `export tally --headers zh` (one place)
JUDGE_COLUMNS = {
    **{k: _T[k] for k in ("judge", "division", "post")},
    "track_label": _T["track"],
    "cases": _T["cases"],
    "sc": "标准案件",
    **{k: _T[k] for k in ("quota", "target_to_date")},
    "completion_pct": _T["completion"],
    "band": "进度区间",
    "score": _T["score"],
    "base_to_date": "截至本月基础数",
    "saturation_to_date": "截至本月饱和数",
    "post_group": "排名组",
    **{k: _T[k] for k in ("rank_division", "rank_court")},
    "unranked_reason": "不参加排名的原因",
}
DIVISION_COLUMNS = {  # progress and its comparisons first: they must show without scrolling
    "division": "部门",
    "track_label": "类别",
    "judges": "法官人数",
    "target_to_date": "截至本月目标",
    "sc": "已完成",
    "completion_pct": "完成率%",
    "band": "进度区间",
    "court_completion_pct": "全院完成率%",
    "sc_last_year": "上年同期已完成",
    "change_pct": "同比%",
    "sc_per_judge": "人均",
    "court_sc_per_judge": "全院人均",
    "target": "年度目标",
    "equivalents": "折算法官",
    "expected_workload": "预计全年工作量",
    "judges_needed": "所需法官",
}
# Completion bands (0–60, 60–80, 80–100, 100–120, ≥120 %): red to green, light enough to read on.
BAND_COLOURS = ("#f4c7c3", "#fce8b2", "#fff2cc", "#d9ead3", "#b7e1cd")


def band_of(completion: float) -> int | None:
    """The band index of a completion (a band holds its lower edge), None without a target."""
    if completion is None or (isinstance(completion, float) and math.isnan(completion)):
        return None
    return int(np.searchsorted(np.asarray(q.COMPLETION_EDGES), completion, side="right"))


def band_colour(pct: object) -> QColor | None:
    try:
        band = band_of(float(pct) / 100)
    except (TypeError, ValueError):
        return None
    return QColor(BAND_COLOURS[band]) if band is not None else None


def _bands(completion: pd.Series) -> list[str]:
    names = q.completion_bands()
    return [names[b] if (b := band_of(c)) is not None else "" for c in completion]


class _BehindFilter(QCheckBox):
    """只看未达进度: rows with completion under 100 % only."""

    def __init__(self, model: DataFrameModel, after=None) -> None:
        super().__init__()
        self.setText(self.tr("只看未达进度"))
        self.model = model
        self.after = after
        self.toggled.connect(lambda _: self.apply())

    def apply(self) -> None:
        frame = self.model.frame()
        if self.isChecked() and "completion_pct" in frame:
            self.model.filter_rows((frame["completion_pct"] < 100).to_numpy())
        else:
            self.model.filter_rows(None)
        if self.after:
            self.after()


class JudgesView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.model = MarkedModel(
            headers=labels({**JUDGE_COLUMNS, **QUALITY_COLUMNS}),
            decimals={"score": 1, "completion_pct": 1, **QUALITY_DECIMALS},
        )
        self.model.set_background("completion_pct", band_colour)
        self.model.set_background("band", lambda b: band_colour(_band_floor(b)))
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.behind = _BehindFilter(self.model, self._count)
        self.excel = ExcelButton(self.model, lambda: self.tr("{y}年法官工作量").format(y=self.window_.year()))
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.behind)
        bar.addWidget(self.excel)
        self.court = QLabel()
        self.court.setWordWrap(True)
        self.table = table_view(self.model)
        # why is X behind: a judge's own page (我的工作量's) from a double-click or the menu
        self.table.doubleClicked.connect(lambda index: self.drill_down(index.row()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.setToolTip(self.tr("双击一名法官，查看其工作量明细"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.court)
        layout.addWidget(self.table)
        self._period = (0, 0)

    def menu_for(self, row: int) -> QMenu:
        """The row's context menu: 查看工作量明细."""
        menu = QMenu(self)
        detail = menu.addAction(self.tr("查看工作量明细"))
        detail.triggered.connect(lambda: self.drill_down(row))
        return menu

    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.menu_for(index.row()).exec(self.table.viewport().mapToGlobal(pos))

    def drill_down(self, row: int) -> None:
        """The judge of the table's ``row`` on their workload page (the 个人工作量 view)."""
        if row < 0 or row >= self.model.rowCount() or getattr(self.window_, "my_view", None) is None:
            return
        self.window_.my_view.show_judge(str(self.model.row_at(row)["judge"]))

    def refresh(self) -> None:
        year, month = self.window_.year(), self.window_.month()
        lang = db_errors.language()
        self.window_.tasks.read(
            self,
            lambda db: (
                merge_quality(Q.assessment(db, year, month), quality_report(db, year, month).judges, "judge"),
                C.court_figures(db, year, month),
                S.computed_note(db, year, lang),
            ),
            lambda result: self.show_judges(*result, year, month),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        message = db_errors.text(error)
        self.model.set_frame(pd.DataFrame())
        self.title.setText(message)

    def show_judges(
        self, a: pd.DataFrame, court: C.CourtFigures, note: str | None, year: int, month: int
    ) -> None:
        a["track_label"] = a["track"].map(track_label)
        a["post"] = a["post"].map(post_label)
        if "post_group" in a:
            a["post_group"] = a["post_group"].map(post_label)
        a["completion_pct"] = a["completion"] * 100
        a["band"] = _bands(a["completion"])
        if "unranked_reason" in a:  # shown, not ranked: too short a time in post (in the window's language)
            a["unranked_reason"] = [
                self.tr("任职期间 {m:.2f} 个月，不足 {need:g} 个月").format(m=m, need=n) if r else ""
                for r, m, n in zip(a["unranked_reason"], a["months_in_post"], a["months_needed"], strict=True)
            ]
        a = a[a["quota"].notna() | (a["cases"] > 0)]
        self.model.set_marked(a, [*JUDGE_COLUMNS, *QUALITY_COLUMNS])  # 质效: out of range in red
        self._period = (year, month)
        self.court.setText("\n".join([self._court_line(court), *([note] if note else [])]))
        self.behind.apply()

    def _court_line(self, court: C.CourtFigures) -> str:
        """The court's own figures to compare with (no other judge's name)."""
        parts = []
        for track in ("trial", "enforcement"):
            if track not in court.completion:
                continue
            c = court.completion[track]
            parts.append(
                self.tr("{t}：完成率 {c}，人均 {p:.2f}（{n} 名法官）").format(
                    t=track_label(track),
                    c="—" if math.isnan(c) else f"{c:.1%}",
                    p=court.sc_per_judge[track],
                    n=court.judges[track],
                )
            )
        return self.tr("全院对比：") + separator().join(parts)

    def _count(self) -> None:
        year, month = self._period
        shown, total = self.model.rowCount(), len(self.model.frame())
        text = self.tr("{y} 年 {months}，{n} 名法官；排名在同一职务组内比较").format(
            y=year, months=months_to(month), n=total
        )
        if shown != total:
            text += self.tr("；未达进度 {k} 名").format(k=shown)
        self.title.setText(text)


def _band_floor(band: object) -> float | None:
    """The completion % a band's name starts at (so the band column takes the band's colour)."""
    names = q.completion_bands()
    if band not in names:
        return None
    i = names.index(band)
    return 0.0 if i == 0 else q.COMPLETION_EDGES[i - 1] * 100


class DivisionsView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.model = MarkedModel(
            headers=labels({**DIVISION_COLUMNS, **QUALITY_COLUMNS}),
            decimals={
                "completion_pct": 1,
                "court_completion_pct": 1,
                "change_pct": 1,
                "judges_needed": 1,
                **QUALITY_DECIMALS,
            },
        )
        self.model.set_background("completion_pct", band_colour)
        self.model.set_background("band", lambda b: band_colour(_band_floor(b)))
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
        self.behind = _BehindFilter(self.model)
        self.excel = ExcelButton(self.model, lambda: self.tr("{y}年部门进度").format(y=self.window_.year()))
        self.transfers_excel = ExcelButton(
            self.transfers, lambda: self.tr("{y}年调剂建议").format(y=self.window_.year())
        )
        bar = QHBoxLayout()
        note = QLabel(
            self.tr("完成率按区间着色；「全院」列为全院同类别合计，「上年同期」为上年 1 月至所选月份")
            + "\n"
            + self.tr(
                "「已完成」是本部门法官按份额计入的标准案件之和；「案件」页按每件全额合计，"
                "合议庭份额、跨部门合议和待复核案件使二者不同。"
            )
        )
        self.note = note
        note.setWordWrap(True)  # long in English: wraps rather than widening the window
        bar.addWidget(note, 1)
        bar.addWidget(self.behind)
        bar.addWidget(self.excel)
        transfers_bar = QHBoxLayout()
        transfers_bar.addWidget(QLabel(self.tr("调剂建议（仅为建议，不会自动移动案件）")), 1)
        transfers_bar.addWidget(self.transfers_excel)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(table_view(self.model), 3)
        layout.addWidget(self.balance)
        layout.addWidget(self.assumed)
        layout.addLayout(transfers_bar)
        layout.addWidget(table_view(self.transfers), 1)

    def refresh(self) -> None:
        year, month = self.window_.year(), self.window_.month()

        lang = db_errors.language()

        def read(db):
            moves = Q.transfers(db, year, month) if month < 12 else []
            divisions = merge_quality(
                C.divisions_with_comparison(db, year, month),
                quality_report(db, year, month).divisions,
                "division",
            )
            return (
                divisions,
                Q.balance(db, year, month),
                moves,
                Q.transfers_shown(db),
                S.computed_note(db, year, lang),
            )

        def failed(error: BaseException) -> None:
            message = db_errors.text(error)
            self.model.set_frame(pd.DataFrame())
            self.balance.setText(message)

        self.window_.tasks.read(self, read, self.show_divisions, failed)

    def show_divisions(self, result: tuple) -> None:
        d, b, moves, transfers_shown, computed = result
        d["track_label"] = d["track"].map(track_label)
        d["completion_pct"] = d["completion"] * 100
        d["court_completion_pct"] = d["court_completion"] * 100
        d["band"] = _bands(d["completion"])
        self.model.set_marked(d, [*DIVISION_COLUMNS, *QUALITY_COLUMNS])
        self.behind.apply()
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
                        "{t}：按月度任务分布，{months}占全年 {s:.1%}；预计全年工作量 = 截至本月标准案件 ÷ {s:.1%}，"
                        "所需法官 = 预计全年工作量 ÷ 一名审判员的年度基本任务。"
                    ).format(t=track_label(track), months=months_to(month), s=float(share.iloc[0]))
                )
        if moves:
            notes.append(
                self.tr(
                    "调剂建议：后续收案按同一分布推算（已收案件 ÷ 已过月份占比 × 剩余占比），"
                    "可办标准案件 =（未结 + 后续收案）× 该类案件平均标准案件数，与全年目标的缺口比较。"
                )
            )
        if not transfers_shown and month < 12:
            notes.append(
                self.tr(
                    "调剂建议需要全院的案件推算，服务器上只向人事和管理员显示；如需参考，请向人事部门索取。"
                )
            )
        if computed:
            notes.insert(0, computed)
        self.assumed.setText("\n".join(notes))
