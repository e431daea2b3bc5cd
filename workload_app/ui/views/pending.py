"""长期未结: open cases past 12 months at the end of the chosen month, with age, band and the
responsible judge's reason; filter by division and judge; the monthly alert list as a PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from workload_app.services import clock
from workload_app.services import pending as P
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.i18n import label, labels, pdf_caption
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, ok_cancel

COLUMNS = {
    "case_number": "案号",
    "judge": "承办法官",
    "division": "部门",
    "cause": "案由",
    "filed_on": "立案日期",
    "age_months": "已审理月数",
    "band_label": "区间",
    "reason_label": "未结原因",
    "pending_note": "说明",
    "reason_by": "填写人",
    "reason_at": "填写时间",
}
BANDS = {"12-18": "12–18 个月", "18-36": "18–36 个月", "36+": "36 个月以上"}
REASONS = {"鉴定": "鉴定", "公告": "公告", "中止": "中止", "等待他案": "等待他案", "其他": "其他"}
EVERYONE = "全部"


class ReasonDialog(QDialog):
    def __init__(self, parent, case_number: str, reason: str | None, note: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("未结原因：{c}").format(c=case_number))
        self.reason = QComboBox()
        for key, text in REASONS.items():
            self.reason.addItem(label(text), key)
        if reason in REASONS:
            self.reason.setCurrentIndex(list(REASONS).index(reason))
        self.note = QLineEdit(note or "")
        self.note.setPlaceholderText(self.tr("选择「其他」时必填"))
        form = QFormLayout(self)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.tr("说明"), self.note)
        form.addRow(ok_cancel(self.accept, self.reject))


class PendingView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.user = window.user
        self.frame = pd.DataFrame()
        self.model = DataFrameModel(headers=labels(COLUMNS))
        self.title = QLabel()
        self.division_box = QComboBox()
        self.judge_box = QComboBox()
        self.reason_button = QPushButton(self.tr("填写未结原因…"))
        self.pdf_button = QPushButton(self.tr("导出预警清单（PDF）…"))
        self.reason_button.setEnabled(False)
        for box in (self.division_box, self.judge_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("部门")))
        bar.addWidget(self.division_box)
        bar.addWidget(QLabel(self.tr("法官")))
        bar.addWidget(self.judge_box)
        bar.addStretch(1)
        bar.addWidget(self.reason_button)
        bar.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        self.table = table_view(self.model)
        layout.addWidget(self.table)
        self.division_box.currentIndexChanged.connect(lambda _: self._filter())
        self.judge_box.currentIndexChanged.connect(lambda _: self._filter())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.reason_button.clicked.connect(self._edit_reason)
        self.pdf_button.clicked.connect(self._export_pdf)

    # -- data
    def at(self) -> dt.date:
        # the one cut-off of every "as of" figure, as the sheets and the 质效 table count it
        return clock.cut_off(self.window_.db, self.window_.year(), self.window_.month())

    def refresh(self) -> None:
        at = self.at()
        self.window_.tasks.read(
            self, lambda db: P.pending_cases(db, at, 12), lambda f: self.show_cases(f, at), self._failed
        )

    def _failed(self, error: BaseException) -> None:
        message = db_errors.text(error)
        self.model.set_frame(pd.DataFrame())
        self.title.setText(message)

    def show_cases(self, frame: pd.DataFrame, at: dt.date) -> None:
        frame = frame.copy()
        frame["band_label"] = frame["band"].map(lambda b: label(BANDS[b]) if b in BANDS else "")
        frame["reason_label"] = frame["pending_reason"].map(
            lambda r: label(REASONS[r]) if r in REASONS else self.tr("未填写")
        )
        frame["reason_at"] = frame["reason_at"].str.replace("T", " ", regex=False)
        self.frame = frame
        self.at_shown = at
        self._fill_box(self.division_box, frame["division"])
        self._fill_box(self.judge_box, frame["judge"])
        self._filter()

    def _fill_box(self, box: QComboBox, values: pd.Series) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(label(EVERYONE), None)
        for v in sorted(values.dropna().unique()):
            box.addItem(str(v), str(v))
        index = box.findData(current)
        box.setCurrentIndex(index if index >= 0 else 0)
        box.blockSignals(False)

    def _filter(self) -> None:
        f = self.frame
        if f.empty:
            self.model.set_frame(pd.DataFrame(columns=list(COLUMNS)))
        else:
            division, judge = self.division_box.currentData(), self.judge_box.currentData()
            if division:
                f = f[f["division"] == division]
            if judge:
                f = f[f["judge"] == judge]
            self.model.set_frame(f[list(COLUMNS)])
        counts = f["band"].value_counts() if not f.empty else pd.Series(dtype=int)
        missing = int(f["pending_reason"].isna().sum()) if not f.empty else 0
        self.title.setText(
            self.tr(
                "截至 {d}，立案满 12 个月仍未结 {n} 件（12–18 个月 {a}，18–36 个月 {b}，36 个月以上 {c}）；未填写原因 {m} 件"
            ).format(
                d=getattr(self, "at_shown", self.at()).isoformat(),
                n=len(f),
                a=int(counts.get("12-18", 0)),
                b=int(counts.get("18-36", 0)),
                c=int(counts.get("36+", 0)),
                m=missing,
            )
        )
        self._selection_changed()

    # -- actions
    def _selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        row = self._selected()
        mine = row is not None and self.window_.scope.may_record_pending_reason(row["judge"])
        self.reason_button.setEnabled(bool(mine))

    def _edit_reason(self) -> None:
        row = self._selected()
        if row is None:
            return
        dialog = ReasonDialog(self, row["case_number"], row.get("pending_reason"), row.get("pending_note"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason, note = dialog.reason.currentData(), dialog.note.text()
        self.window_.tasks.run(
            lambda db, _p: P.record_reason(db, row["case_number"], reason, note),
            parent=self,
            label=self.tr("正在保存"),
            on_done=lambda _c: self.refresh(),
            on_failed=lambda e: QMessageBox.warning(self, self.tr("未能保存"), db_errors.text(e)),
            show_progress=False,
        )

    def _export_pdf(self) -> None:
        division, judge = self.division_box.currentData(), self.judge_box.currentData()
        at = getattr(self, "at_shown", self.at())
        scope = "-".join(s for s in (division, judge) if s)
        name = f"长期未结案件预警清单-{scope}-{at.isoformat()}.pdf"  # a Chinese document: a Chinese name
        user = self.window_.user
        path = file_dialogs.save_file_name(
            self,
            pdf_caption(self.tr("保存预警清单")),
            str(file_dialogs.last_folder(user) / name),
            "PDF (*.pdf)",
        )
        if not path:
            return
        file_dialogs.remember_folder(user, Path(path).parent)
        self.window_.tasks.run(
            lambda db, _p: P.alert_list_pdf(db, path, at, 12, division, judge=judge),
            parent=self,
            label=self.tr("正在生成预警清单"),
            on_done=lambda n: QMessageBox.information(
                self, self.tr("预警清单"), self.tr("{n} 件已写入 {p}").format(n=n, p=path)
            ),
            on_failed=lambda e: QMessageBox.warning(self, self.tr("未能生成"), db_errors.file_text(e, path)),
        )
