"""报表: export PDF sheets for one judge, a division or everyone, in the background with Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workload_app.services import info
from workload_app.services.sheets import export_sheets
from workload_app.ui import file_dialogs
from workload_app.ui.i18n import label

KINDS = (
    ("judge", "法官考核表"),
    ("division", "部门考核表"),
    ("court", "全院汇总表"),
    ("notice", "任务下达表"),
)


class SheetsView(QWidget):
    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.kind = QComboBox()
        for key, label_ in KINDS:
            self.kind.addItem(label(label_), key)
        self.scope = QComboBox()
        self.combined = QCheckBox(self.tr("另外合并为一个 PDF（便于打印）"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        export = QPushButton(self.tr("生成 PDF…"))
        export.clicked.connect(self.export)
        self.open_folder = QPushButton(self.tr("打开所在文件夹"))
        self.open_folder.setEnabled(False)
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_dir)))
        )
        form = QFormLayout()
        form.addRow(self.tr("报表"), self.kind)
        form.addRow(self.tr("范围"), self.scope)
        form.addRow("", self.combined)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(export)
        layout.addWidget(self.result)
        layout.addWidget(self.open_folder)
        layout.addStretch(1)
        self.last_dir = Path.home()

    def refresh(self) -> None:
        current = self.scope.currentText()
        self.scope.clear()
        for scope, name in info.sheet_scopes(self.window_.db):  # only what this user may print
            if scope == "all":
                self.scope.addItem(self.tr("全院每位法官"), ("all", None))
            elif scope == "division":
                self.scope.addItem(self.tr("部门：{d}").format(d=name), ("division", name))
            else:
                self.scope.addItem(self.tr("法官：{j}").format(j=name), ("judge", name))
        if current:
            self.scope.setCurrentText(current)

    def export(self, folder: str | None = None) -> None:
        settings = QSettings()
        if not folder:
            folder = file_dialogs.existing_directory(
                self, self.tr("保存到"), str(settings.value("sheets_folder", str(Path.home())))
            )
        if not folder:
            return
        settings.setValue("sheets_folder", folder)
        self.last_dir = Path(folder)
        kind = self.kind.currentData()
        scope, name = self.scope.currentData()
        year, month, combined = self.window_.year(), self.window_.month(), self.combined.isChecked()

        def job(db, progress):
            return export_sheets(
                db,
                year,
                month,
                kind,
                Path(folder),
                judge=name if scope == "judge" else None,
                division=name if scope == "division" else None,
                everyone=scope == "all",
                combined=combined,
                progress=progress,
            )

        def done(paths):
            self.result.setText(self.tr("已生成 {n} 个 PDF 于 {f}").format(n=len(paths), f=folder))
            self.open_folder.setEnabled(True)

        self.window_.tasks.run(job, parent=self, label=self.tr("正在生成报表"), on_done=done)
