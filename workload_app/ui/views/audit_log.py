"""日志: the audit trail with filters, the chain check, and export to xlsx."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workload_app.services import audit
from workload_app.ui import file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.i18n import label, labels
from workload_app.ui.tables import table_view

COLUMNS = {
    "id": "序号",
    "at": "时间",
    "user": "用户",
    "role": "角色",
    "action_label": "操作",
    "target": "对象",
}


class AuditView(QWidget):
    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.action = QComboBox()
        self.action.addItem(self.tr("全部操作"), None)
        for code, label_ in audit.ACTIONS.items():
            self.action.addItem(label(label_), code)
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("用户"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("对象或内容包含…"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-12))
        self.until = QDateEdit(QDate.currentDate())
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        search = QPushButton(self.tr("查询"))
        search.clicked.connect(self.refresh)
        verify = QPushButton(self.tr("核验哈希链"))
        verify.clicked.connect(self.verify)
        export = QPushButton(self.tr("导出 Excel…"))
        export.clicked.connect(self.export)
        bar = QHBoxLayout()
        for w in (
            self.action,
            self.user,
            self.text,
            QLabel(self.tr("自")),
            self.since,
            QLabel(self.tr("至")),
            self.until,
        ):
            bar.addWidget(w)
        for b in (search, verify, export):
            bar.addWidget(b)
        self.model = DataFrameModel(headers=labels(COLUMNS))
        self.table = table_view(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._show_row)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.status = QLabel()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([500, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(split)
        self._rows = None

    def _filters(self) -> dict:
        return {
            "action": self.action.currentData(),
            "user": self.user.text().strip() or None,
            "text": self.text.text().strip() or None,
            "since": self.since.date().toString("yyyy-MM-dd"),
            "until": self.until.date().addDays(1).toString("yyyy-MM-dd"),
        }

    def refresh(self) -> None:
        self._rows = audit.log(self.window_.db, **self._filters())
        shown = self._rows[list(COLUMNS)].copy()
        shown["action_label"] = shown["action_label"].map(label)
        shown["role"] = shown["role"].map(label)
        self.model.set_frame(shown)
        self.status.setText(self.tr("{n} 条记录（新的在前）").format(n=len(self._rows)))
        self.detail.clear()

    def _show_row(self, current, _previous) -> None:
        if not current.isValid() or self._rows is None:
            return
        row = self._rows.iloc[self.model.source_row(current.row())]
        self.detail.setPlainText(
            self.tr("修改前：{b}\n\n修改后：{a}\n\n哈希：{h}").format(
                b=row["before"] or "—", a=row["after"] or "—", h=row["hash"]
            )
        )

    def verify(self) -> None:
        n, problem = audit.verify(self.window_.db)
        if problem:
            QMessageBox.warning(self, self.tr("审计日志已被篡改"), problem)
        else:
            QMessageBox.information(
                self, self.tr("审计日志完好"), self.tr("{n} 条记录，哈希链一致。").format(n=n)
            )

    def export(self) -> None:
        name = file_dialogs.save_file_name(self, self.tr("导出审计日志"), "审计日志.xlsx", "Excel (*.xlsx)")
        if not name:
            return
        n = audit.export_xlsx(self.window_.db, Path(name), **self._filters())
        QMessageBox.information(
            self, self.tr("已导出"), self.tr("{n} 条记录已导出到 {p}").format(n=n, p=name)
        )
