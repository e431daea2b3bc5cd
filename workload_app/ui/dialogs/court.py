"""法院设置: the court's name and the 文号 of its quota notices, set in the window.

Only a 管理员 changes them; everyone else sees them read-only. The name heads every sheet and
signs the notices (任务下达通知); a notice is numbered ``{prefix}〔{year}〕{n}号``, one number per
judge's notice or one per plan with each judge's task as its attachment."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from workload_app.core.problems import WorkloadError
from workload_app.services import access, court
from workload_app.ui import db_errors


class CourtSettingsDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("法院设置"))
        self.editable = window.scope.allows(access.Action.ADMINISTER)
        current = court.court_settings(window.db)
        self.name = QLineEdit(current.name)
        self.name.setMaxLength(60)
        self.name.setMinimumWidth(
            self.name.fontMetrics().horizontalAdvance("\u91cd" * 24)
        )  # a full name shows
        self.prefix = QLineEdit(current.notice_prefix)
        self.prefix.setMaxLength(30)
        self.prefix.setPlaceholderText(self.tr("例如：渝0106法"))
        self.start = QSpinBox()
        self.start.setRange(1, 99999)
        self.start.setValue(current.notice_start)
        self.numbering = QComboBox()
        self.numbering.addItem(self.tr("每份通知一个文号"), "judge")
        self.numbering.addItem(self.tr("每个任务计划一个文号，各法官的任务为附件"), "plan")
        self.numbering.setCurrentIndex(self.numbering.findData(current.notice_numbering))
        self.example = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        for widget in (self.name, self.prefix, self.start, self.numbering):
            widget.setEnabled(self.editable)
        self.prefix.textChanged.connect(self._show_example)
        self.start.valueChanged.connect(self._show_example)
        form = QFormLayout()
        form.addRow(self.tr("法院名称（报表抬头、通知落款）"), self.name)
        form.addRow(self.tr("发文字号前缀"), self.prefix)
        form.addRow(self.tr("本年度第一份通知的编号"), self.start)
        form.addRow(self.tr("第一份通知的文号"), self.example)
        form.addRow(self.tr("文号编排"), self.numbering)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if not self.editable:
            layout.addWidget(QLabel(self.tr("只有管理员可以修改法院设置。")))
        layout.addWidget(self.message)
        if self.editable:
            buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
            buttons.accepted.connect(self.save)
            buttons.rejected.connect(self.reject)
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_example()

    def _show_example(self) -> None:
        year = self.window_.year() or dt.date.today().year
        prefix = self.prefix.text().strip()
        self.example.setText(court.CourtSettings("", prefix, self.start.value()).notice_number(year, 1))

    def save(self) -> None:
        try:
            changes = court.set_court_settings(
                self.window_.db,
                name=self.name.text(),
                notice_prefix=self.prefix.text(),
                notice_start=self.start.value(),
                notice_numbering=self.numbering.currentData(),
            )
        except WorkloadError as exc:
            self.message.setText(db_errors.text(exc))
            return
        self.accept()
        self.window_.apply_changes(changes)
