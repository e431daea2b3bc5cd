"""待复核: cases whose page counts are held as outliers, with confirm / correct (人事, 管理员).

The list is read on the worker (``services.review.held_cases``); a decision runs as a background
task and, like every user action, refreshes the window from the returned ``Changes``.
"""

from __future__ import annotations

import math
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
    QSpinBox,
)

from workload_app.services import review
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.i18n import labels, stored_list
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, column, detail_pane, ok_cancel, splitter

# the service's list and its labels (update_ts.py collects them); the table leaves out 影响
EXPORT_COLUMNS = review.LIST_LABELS
COLUMNS = {k: v for k, v in EXPORT_COLUMNS.items() if k != "affects"}
PAGES = ("file_pages", "transcript_pages", "judgment_pages")


def _pages(value: object) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


class DecisionDialog(QDialog):
    """Confirm (reason only) or correct (three page counts and a reason) one held case."""

    def __init__(self, row: dict, correcting: bool, parent=None) -> None:
        super().__init__(parent)
        self.correcting = correcting
        self.row = row
        self.setWindowTitle(self.tr("更正页数") if correcting else self.tr("确认页数"))
        form = QFormLayout(self)
        form.addRow(self.tr("案号"), QLabel(str(row["case_number"])))
        why = QLabel(str(row["reason"]))
        why.setWordWrap(True)
        form.addRow(self.tr("待复核原因"), why)
        self.spins: dict[str, QSpinBox] = {}
        if correcting:
            names = {
                "file_pages": self.tr("卷宗页数"),
                "transcript_pages": self.tr("庭审笔录页数"),
                "judgment_pages": self.tr("裁判文书页数"),
            }
            for col in PAGES:
                spin = QSpinBox()
                spin.setRange(0, review.MAX_PAGES)
                spin.setGroupSeparatorShown(True)
                spin.setValue(_pages(row[col]) or 0)
                self.spins[col] = spin
                form.addRow(names[col], spin)
        else:
            note = QLabel(self.tr("确认后，该案按导入的页数计算标准案件，并计入平均页数。"))
            note.setWordWrap(True)
            form.addRow(note)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("如：已核对卷宗，确有此页数；核对人"))
        form.addRow(self.tr("理由"), self.reason)
        self.buttons = ok_cancel(self._accept, self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)

    def corrections(self) -> dict[str, int]:
        """The counts the reviewer changed (the others stay as imported)."""
        return {
            col: spin.value() for col, spin in self.spins.items() if spin.value() != _pages(self.row[col])
        }

    def _accept(self) -> None:
        if not self.reason.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("请填写复核理由。"))
            return
        if self.correcting and not self.corrections():
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("页数没有改动；如页数无误，请用「确认页数」。")
            )
            return
        self.accept()


class ReviewView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("全部年度"), False)
        self.scope.addItem(self.tr("当前年度"), True)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.confirm_button = QPushButton(self.tr("确认页数…"))
        self.confirm_button.clicked.connect(lambda: self.decide(correcting=False))
        self.correct_button = QPushButton(self.tr("更正页数…"))
        self.correct_button.clicked.connect(lambda: self.decide(correcting=True))
        export = QPushButton(self.tr("导出 Excel…"))
        export.clicked.connect(self.export)
        bar = QHBoxLayout()
        bar.addWidget(self.scope)
        bar.addStretch(1)
        for b in (self.confirm_button, self.correct_button, export):
            bar.addWidget(b)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = DataFrameModel(headers=labels(COLUMNS))
        self.table = table_view(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._show_row)
        self.detail = detail_pane()
        column(self, bar, self.status, splitter(self.table, self.detail, sizes=[450, 150], vertical=True))
        self.rows = pd.DataFrame()
        self._enable()

    def _year(self) -> int | None:
        return self.window_.year() if self.scope.currentData() else None

    def refresh(self) -> None:
        year = self._year()

        def failed(error: BaseException) -> None:
            message = db_errors.text(error)
            self.rows = pd.DataFrame()
            self.model.set_frame(pd.DataFrame())
            self.status.setText(message)
            self._enable()

        self.window_.tasks.read(self, lambda db: review.held_cases(db, year), self.show_rows, failed)

    def show_rows(self, rows: pd.DataFrame) -> None:
        self.rows = rows.reset_index(drop=True)
        shown = self.rows[list(COLUMNS)].copy() if len(self.rows) else pd.DataFrame(columns=list(COLUMNS))
        for col in PAGES:
            shown[col] = shown[col].astype("Int64")
        self.model.set_frame(shown)
        if len(self.rows):
            self.status.setText(
                self.tr("{n} 件待复核：页数异常的案件暂计 0，也不计入平均页数，直到确认或更正。").format(
                    n=len(self.rows)
                )
            )
        else:
            self.status.setText(self.tr("没有待复核的案件。"))
        self.detail.clear()
        self._enable()

    def _current(self) -> dict | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.rows.empty:
            return None
        return self.rows.iloc[self.model.source_row(index.row())].to_dict()

    def _enable(self) -> None:
        has = self._current() is not None
        self.confirm_button.setEnabled(has)
        self.correct_button.setEnabled(has)

    def _show_row(self, current, _previous) -> None:
        self._enable()
        row = self._current()
        if row is None:
            return
        self.detail.setPlainText(
            self.tr("{c}　{j}\n待复核原因：{r}\n影响：{a}").format(
                c=row["case_number"], j=row["judge"], r=row["reason"], a=stored_list(row["affects"])
            )
        )

    def decide(self, correcting: bool) -> None:
        row = self._current()
        if row is None:
            return
        dialog = DecisionDialog(row, correcting, self)
        if not dialog.exec():
            return
        self.run_decision(
            row["case_number"], dialog.reason.text().strip(), dialog.corrections() if correcting else None
        )

    def run_decision(self, case_number: str, reason: str, corrections: dict[str, int] | None) -> None:
        """Confirm (``corrections`` None) or correct a case in the background."""
        if corrections is None:

            def work(db, progress):
                return review.confirm(db, case_number, reason)

            label = self.tr("正在确认 {c} 的页数").format(c=case_number)
        else:

            def work(db, progress):
                return review.correct(db, case_number, reason, **corrections)

            label = self.tr("正在更正 {c} 的页数").format(c=case_number)

        def failed(error: BaseException) -> None:
            message = db_errors.text(error)
            QMessageBox.warning(self, self.tr("复核未完成"), message)

        self.window_.tasks.run(
            work,
            parent=self,
            label=label,
            on_done=self.window_.apply_changes,
            on_failed=failed,
            show_progress=False,
        )

    def export(self) -> None:
        if self.rows.empty:
            QMessageBox.information(self, self.tr("导出"), self.tr("没有待复核的案件。"))
            return
        user = self.window_.user
        name = file_dialogs.save_file_name(
            self,
            self.tr("导出待复核列表"),
            str(file_dialogs.last_folder(user) / self.tr("待复核.xlsx")),
            "Excel (*.xlsx)",
        )
        if not name:
            return
        from workload_app.services.exports import write_table

        table = self.rows[list(EXPORT_COLUMNS)].rename(columns=labels(EXPORT_COLUMNS))
        try:
            write_table(table, Path(name), sheet_name=self.tr("待复核"))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("未导出"), db_errors.file_text(exc, name))
            return
        file_dialogs.remember_folder(user, Path(name).parent)
        QMessageBox.information(
            self, self.tr("已导出"), self.tr("{n} 件已导出到 {p}").format(n=len(table), p=name)
        )
