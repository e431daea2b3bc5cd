"""案件: the year's closed cases with their standard cases, filters, and the explanation of each."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from workload_app.core.casenumber import CATEGORY_LABELS
from workload_app.core.credit import judge_shares
from workload_app.core.formatting import UNIT_LABELS
from workload_app.core.messages import in_language
from workload_app.core.standard import AWAITING_APPROVAL, INCOMPLETE, OUTLIER, explain_with_averages
from workload_app.services import figures
from workload_app.services import standard_cases as S
from workload_app.services.exports import CASE_HEADINGS
from workload_app.ui import db_errors
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.excel import ExcelButton
from workload_app.ui.i18n import colon, current_language, flag_words, label, labels
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, detail_pane, splitter

# the headings of `export cases --headers zh` (one place): the shown columns by their export name
_SHOWN_AS = {"category": "category_label", "unit": "unit_label", "rule": "rule_name", "flags": "flags_text"}
COLUMNS = {_SHOWN_AS.get(k, k): v for k, v in CASE_HEADINGS.items() if k != "explanation"}
OWN_COLUMNS = {"share": "本人份额", "credited": "计入本人"}  # a judge's own list: what the tally credits

# not shown, but read by the filters and the explanation below the table
KEPT = (
    "category", "unit", "flags", "rule", "closing_method", "procedure", "panel",
    "page_sc", "avg_file", "avg_transcript", "avg_judgment",
)  # fmt: skip


class CasesView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.frame = pd.DataFrame()
        self.params = None
        user = window.user
        self.own_judge = user.judge if window.scope.own_judge_only else None
        self.columns = {**COLUMNS, **OWN_COLUMNS} if self.own_judge else dict(COLUMNS)
        self.model = DataFrameModel(
            headers=labels(self.columns),
            decimals={"file_pages": 0, "transcript_pages": 0, "judgment_pages": 0, "sc": 4, "credited": 4},
        )
        self.table = table_view(self.model, stretch_last=False, fit=False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.selectionModel().currentRowChanged.connect(self._show_explanation)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("案号或案由中的文字（Ctrl+F）"))
        self.division = QComboBox()
        self.judge = QComboBox()
        self.category = QComboBox()
        self.unit = QComboBox()
        self.flag = QComboBox()
        self.flag.addItem(self.tr("全部"), 0)
        self.flag.addItem(self.tr("数据不全"), INCOMPLETE)
        self.flag.addItem(self.tr("待审批"), AWAITING_APPROVAL)
        self.flag.addItem(self.tr("异常页数"), OUTLIER)
        self.flag.addItem(self.tr("特殊规则"), -1)
        for w in (self.division, self.judge, self.category, self.unit, self.flag):
            w.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        bar = QHBoxLayout()
        for name, w in (
            (self.tr("查找"), self.search),
            (self.tr("部门"), self.division),
            (self.tr("法官"), self.judge),
            (self.tr("类别"), self.category),
            (self.tr("单位"), self.unit),
            (self.tr("数据质量"), self.flag),
        ):
            bar.addWidget(QLabel(name))
            bar.addWidget(w, 2 if w is self.search else 1)
        self.count = QLabel()
        self.excel = ExcelButton(self.model, lambda: self.tr("{y}年案件").format(y=self.window_.year()))
        bar.addWidget(self.excel)
        self.explanation = detail_pane()
        # the table takes the height; the explanation keeps its size
        split = splitter(self.table, self.explanation, sizes=[520, 110], vertical=True, stretch=[1, 0])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)  # the table takes the height, not a gap under the explanation
        layout.addWidget(self.count)

    def refresh(self) -> None:
        """Read and prepare the year's cases on the worker; fill the table when they arrive."""
        year, month = self.window_.year(), self.window_.month()
        if not year:
            return
        categories, units, flag_texts = labels(CATEGORY_LABELS), labels(UNIT_LABELS), flag_words()
        own = self.own_judge

        def read(db):
            merged, params, _ = S.results(db, year)
            merged = merged[merged["closed_month"] <= month].reset_index(drop=True)
            merged["category_label"] = merged["category"].map(categories)
            merged["unit_label"] = merged["unit"].map(units)
            merged["rule_name"] = S.rule_names(merged, params)
            merged["flags_text"] = merged["flags"].map(flag_texts)
            if own:
                merged["share"] = judge_shares(merged, own, params, figures.post_spans(db))
                merged["credited"] = merged["sc"] * merged["share"]
            # what the table shows and the explanation reads
            merged = merged[[*COLUMNS, *(OWN_COLUMNS if own else ()), *KEPT]]
            choices = {
                "division": sorted(merged["division"].dropna().unique()),
                "judge": sorted(merged["judge"].dropna().unique()),
                "category": [categories[c] for c in CATEGORY_LABELS if c in set(merged["category"].unique())],
            }
            return merged, params, choices

        def failed(error: BaseException) -> None:  # shown in place of the table
            message = db_errors.text(error)
            self.frame = pd.DataFrame()
            self.model.set_frame(pd.DataFrame())
            self.count.setText(message)

        self.window_.tasks.read(self, read, self.show_cases, failed)

    def show_cases(self, result: tuple[pd.DataFrame, object, dict[str, list[str]]]) -> None:
        merged, self.params, choices = result
        units = labels(UNIT_LABELS)
        self.frame = merged
        self.model.set_frame(merged[list(self.columns)])
        self.table.fit()  # each column to its heading and first rows, once per read (not per filter)
        self._fill(self.division, choices["division"])
        self._fill(self.judge, choices["judge"])
        self._fill(self.category, choices["category"])
        self._fill(self.unit, [units[u] for u in ("trial", "enforcement")])
        self.apply_filter()

    def _fill(self, box: QComboBox, values: list[str]) -> None:
        current = box.currentText()
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("全部"))
        box.addItems(values)
        if current in values:
            box.setCurrentText(current)
        box.blockSignals(False)

    def apply_filter(self) -> None:
        f = self.frame
        if f.empty:
            self.count.setText(self.tr("没有案件"))
            self.explanation.clear()
            return
        mask = np.ones(len(f), dtype=bool)
        for box, col in (
            (self.division, "division"),
            (self.judge, "judge"),
            (self.category, "category_label"),
            (self.unit, "unit_label"),
        ):
            if box.currentIndex() > 0:
                mask &= (f[col] == box.currentText()).to_numpy()
        flag = self.flag.currentData()
        if flag == -1:
            mask &= (f["rule_name"] != "").to_numpy()
        elif flag:
            mask &= (f["flags"].to_numpy() & flag) > 0
        text = self.search.text().strip()
        if text:
            mask &= (
                f["case_number"].str.contains(text, regex=False)
                | f["cause"].fillna("").str.contains(text, regex=False)
            ).to_numpy()
        self.model.filter_rows(mask)
        # the case explained below is among those shown, or none is (a search that finds nothing)
        current = self.table.currentIndex()
        if not mask.any() or not current.isValid():
            self.explanation.clear()
        sc = f.loc[mask, "sc"]
        text = self.tr("显示 {n} 件，共 {total} 件；标准案件合计 {sc:,.2f}").format(
            n=int(mask.sum()), total=len(f), sc=float(sc.sum())
        )
        if not self.own_judge and self.division.currentIndex() > 0:
            text += self.tr(
                "（每件按全额合计；「部门」页的已完成是本部门法官按份额计入之和，"
                "合议庭份额、跨部门合议和待复核案件使二者不同）"
            )
        if self.own_judge:
            shown = f.loc[mask]
            text += self.tr(
                "；计入本人：审判 {t:,.2f}，执行 {e:,.2f}（标准案件 × 本人份额，与统计一致）"
            ).format(
                t=float(shown.loc[shown["unit"] == "trial", "credited"].sum()),
                e=float(shown.loc[shown["unit"] == "enforcement", "credited"].sum()),
            )
        self.count.setText(text)

    def _show_explanation(self, current, _previous) -> None:
        if not current.isValid() or self.params is None:
            return
        row = self.frame.iloc[self.model.source_row(current.row())].to_dict()
        text = in_language(explain_with_averages(row, row, self.params), db_errors.language())
        c, gap = colon(), "　" if current_language() != "en" else "   "
        self.explanation.setPlainText(
            gap.join(
                str(v) for v in (row["case_number"], row["judge"], row["division"], row.get("cause") or "")
            )
            + f"\n{self.tr('计算说明')}{c}{text}\n"
            f"{self.tr('结案方式')}{c}{_shown(row.get('closing_method'))}{gap}{self.tr('程序')}{c}{_shown(row.get('procedure'))}"
            f"{gap}{self.tr('合议庭')}{c}{_shown(row.get('panel'))}"
            + (f"\n{self._own_credit(row)}" if self.own_judge else "")
        )

    def _own_credit(self, row: dict) -> str:
        """What of this case the judge's tally credits them, and why."""
        return credit_sentence(row["judge"] == self.own_judge, row["share"], row["sc"], row["credited"])

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()


def credit_sentence(
    responsible: bool, share: float, sc: float, credited: float, *, other: bool = False
) -> str:
    """What of a case counts for the judge whose list it is on, as 案件 and 我的工作量 say it:
    as the responsible judge (承办) or as a panel member, with the share. ``other``: the list is
    another judge's (a 庭长 looking at one of the division's judges), said in the third person."""
    if pd.isna(sc):
        return label("本案没有标准案件，不计入该法官。") if other else label("本案没有标准案件，不计入本人。")
    if other:
        who = label("承办法官") if responsible else label("合议庭成员")
        if share == 0:
            return label("该法官为{who}，份额为 0：本案不计入该法官的工作量。").format(who=who)
        return label("该法官为{who}，计入该法官 {sc:.4f} × {s:g} = {c:.4f}。").format(
            who=who, sc=sc, s=share, c=credited
        )
    if share == 0:
        if responsible:
            return label("本人为承办法官，份额为 0：本案不计入本人工作量。")
        return label("本人为合议庭成员，份额为 0：本案不计入本人工作量。")
    if responsible:
        text = label("本人为承办法官，计入本人 {sc:.4f} × {s:g} = {c:.4f}。")
    else:
        text = label("本人为合议庭成员，计入本人 {sc:.4f} × {s:g} = {c:.4f}。")
    return text.format(sc=sc, s=share, c=credited)


def _shown(value: object) -> str:
    """A case's text field as shown: — when empty or missing (a NaN is not "nan")."""
    return (
        "—" if value is None or (isinstance(value, float) and pd.isna(value)) or value == "" else str(value)
    )
