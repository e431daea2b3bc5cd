"""Quality and efficiency (质效) figures beside the workload columns: a value per indicator, the
out-of-range cells marked (red text, a tooltip with the reference range and numerator/denominator)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from workload_app.core.quality import INDICATOR_LABELS, QualityFigures
from workload_app.ui.dataframe_model import DataFrameModel, Index
from workload_app.ui.i18n import label

# column -> indicator key; rates are shown in per cent
QUALITY_COLUMNS = {
    "q_closing_rate": "结案率%",
    "q_within_limit_rate": "审限内结案率%",
    "q_mean_days": "平均审理天数",
    "q_long_pending": "长期未结",
    "q_acceptance_rate": "服判息诉率%",
    "q_reversed_remanded_rate": "改发率%",
    "q_enforcement_recovery_rate": "执行到位率%",
}
_KEYS = {
    "q_closing_rate": "closing_rate",
    "q_within_limit_rate": "within_limit_rate",
    "q_mean_days": "mean_days",
    "q_long_pending": "long_pending_rate",
    "q_acceptance_rate": "acceptance_rate",
    "q_reversed_remanded_rate": "reversed_remanded_rate",
    "q_enforcement_recovery_rate": "enforcement_recovery_rate",
}
INDICATOR_TEXT = INDICATOR_LABELS  # their translations: update_ts.py collects core's table
QUALITY_DECIMALS = {c: (0 if c == "q_long_pending" else 1) for c in QUALITY_COLUMNS}
OUT_OF_RANGE = QColor("#c0392b")


def range_text(low: float | None, high: float | None, percent: bool) -> str:
    def f(x: float) -> str:
        return f"{x * 100:g}%" if percent else f"{x:g}"

    if low is not None and high is not None:
        return f"{f(low)}–{f(high)}"
    if low is not None:
        return f"≥ {f(low)}"
    if high is not None:
        return f"≤ {f(high)}"
    return ""


def quality_frame(figures: tuple[QualityFigures, ...] | list[QualityFigures], key: str) -> pd.DataFrame:
    """One row per judge or division (``key`` column = its name): values, marks and tooltips."""
    rows = []
    for fig in figures:
        row: dict = {key: fig.name}
        for col, ind_key in _KEYS.items():
            ind = fig.indicator(ind_key)
            percent = ind_key != "mean_days"
            if col == "q_long_pending":
                value = float(fig.pending_12_18 + fig.pending_18_36 + fig.pending_over_36)
            else:
                value = np.nan if ind.value is None else ind.value * (100 if percent else 1)
            row[col] = value
            row[col + "__out"] = ind.in_range is False
            shown = range_text(ind.low, ind.high, percent)
            row[col + "__tip"] = (
                f"{label(INDICATOR_TEXT[ind_key])}: {ind.numerator:g} / {ind.denominator:g}"
                + (f"  [{shown}]" if shown else "")
                + (f"  {ind.data_date.isoformat()}" if ind.data_date else "")
            )
        rows.append(row)
    return pd.DataFrame(rows)


def merge_quality(table: pd.DataFrame, figures, key: str) -> pd.DataFrame:
    """``table`` with the quality columns joined on ``key`` (rows without figures get blanks)."""
    q = quality_frame(figures, key)
    if q.empty:
        out = table.copy()
        for c in QUALITY_COLUMNS:
            out[c], out[c + "__out"], out[c + "__tip"] = np.nan, False, ""
        return out
    return table.merge(q, on=key, how="left")


class MarkedModel(DataFrameModel):
    """A DataFrameModel whose quality cells outside their reference range show in red, with a tooltip."""

    def __init__(self, *args, **kwargs) -> None:
        self._marks: dict[int, np.ndarray] = {}
        self._tips: dict[int, np.ndarray] = {}
        super().__init__(*args, **kwargs)

    def set_marked(self, frame: pd.DataFrame, columns: list[str]) -> None:
        """Show ``columns`` of ``frame``; ``<col>__out``/``<col>__tip`` columns mark and explain cells."""
        shown = frame[columns].reset_index(drop=True)
        self._marks, self._tips = {}, {}
        for i, c in enumerate(columns):
            if c + "__out" in frame.columns:
                self._marks[i] = frame[c + "__out"].fillna(False).astype(bool).to_numpy()
                self._tips[i] = frame[c + "__tip"].fillna("").astype(str).to_numpy()
        self.set_frame(shown)

    def marked(self, row: int, column: int) -> bool:
        marks = self._marks.get(column)
        return bool(marks is not None and marks[self._order[row]])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        col = index.column() if index.isValid() else -1
        if col in self._marks:
            source = self._order[index.row()]
            if role == Qt.ItemDataRole.ForegroundRole and self._marks[col][source]:
                return QBrush(OUT_OF_RANGE)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tips[col][source] or None
            if role == Qt.ItemDataRole.DisplayRole and self._marks[col][source]:
                text = super().data(index, role)
                return f"{text} ▲" if text else text
        return super().data(index, role)


INDICATOR_COLUMNS = {
    "indicator": "指标",
    "value": "数值",
    "numerator": "分子",
    "denominator": "分母",
    "range": "参考范围",
    "data_date": "数据日期",
}


def indicator_rows(fig: QualityFigures | None) -> pd.DataFrame:
    """One row per indicator of one judge, division or the court (value as text, marked when out of range)."""
    rows = []
    for ind in fig.indicators if fig is not None else ():
        percent = ind.key != "mean_days"
        if ind.value is None:
            value = "—"
        else:
            value = f"{ind.value:.1%}" if percent else f"{ind.value:.1f}"
        rows.append(
            {
                "indicator": label(INDICATOR_TEXT[ind.key]),
                "value": value,
                "numerator": ind.numerator,
                "denominator": ind.denominator,
                "range": range_text(ind.low, ind.high, percent),
                "data_date": ind.data_date.isoformat() if ind.data_date else "",
                "value__out": ind.in_range is False,
                "value__tip": "",
            }
        )
    return pd.DataFrame(rows, columns=[*INDICATOR_COLUMNS, "value__out", "value__tip"])
