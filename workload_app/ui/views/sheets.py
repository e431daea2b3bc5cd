"""报表: export PDF sheets for one judge, a division or everyone, in the background with Cancel.

Only the sheets the user's role may print are offered, and the scope list follows the kind chosen
(a court summary has no judge). One sheet is saved under a file name the user picks and can be
opened at once; several go to a folder. 打印预览 shows the pages before they are printed.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from workload_app.services import quotas as Q
from workload_app.services.sheets import export_sheets
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.i18n import current_language, label, pdf_caption
from workload_app.ui.view_parts import View

KINDS = (
    ("judge", "法官考核表"),
    ("division", "部门考核表"),
    ("court", "全院汇总表"),
    ("notice", "任务下达表"),
)


class SheetsView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.kind = QComboBox()
        allowed = window.scope.sheet_kinds()
        for key, label_ in KINDS:
            if key in allowed:
                self.kind.addItem(label(label_), key)
        self.kind.currentIndexChanged.connect(lambda _: self._fill_scope())
        self.scope = QComboBox()
        self.scope.currentIndexChanged.connect(lambda _: self._scope_changed())
        self.combined = QCheckBox(self.tr("另外合并为一个 PDF（便于打印）"))
        self.duplex = QCheckBox(self.tr("双面打印：合订本中每份报表从新的一张纸开始（补空白页）"))
        self.duplex.setEnabled(False)
        self.combined.toggled.connect(self._combined_changed)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #b00020;")
        self.warnings.hide()
        self._warnings: list[str] = []
        self.result = QLabel()
        self.result.setWordWrap(True)
        # the sheets are official documents: Chinese in either language (said in the English window)
        self.language_note = QLabel(
            self.tr("报表是正式文书，无论界面语言如何，均以中文打印，文件名也用中文。")
        )
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(current_language() == "en")
        self.export_button = QPushButton(self.tr("生成 PDF…"))
        self.export_button.clicked.connect(lambda: self.export())
        self.preview_button = QPushButton(self.tr("打印预览…"))
        self.preview_button.clicked.connect(self.print_preview)
        self.open_folder = QPushButton(self.tr("打开所在文件夹"))
        self.open_folder.setEnabled(False)
        self.open_folder.clicked.connect(lambda: file_dialogs.open_in_viewer(self, self.last_dir))
        form = QFormLayout()
        form.addRow(self.tr("报表"), self.kind)
        form.addRow(self.tr("范围"), self.scope)
        form.addRow("", self.combined)
        form.addRow("", self.duplex)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.open_folder)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.language_note)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.warnings)
        layout.addStretch(1)
        self.last_dir = Path.home()
        self._judges = pd.DataFrame(columns=["judge", "division"])
        self._divisions: list[str] = []

    # -- what may be printed
    def refresh(self) -> None:
        year = self.window_.year()

        def read(db):
            people = Q.assessment(db, year, 12)  # the judges this user may see
            people = people[people["quota"].notna() | (people["cases"] > 0)]
            divisions = list(Q.division_assessment(db, year, 12)["division"].drop_duplicates())
            return people[["judge", "division"]].reset_index(drop=True), divisions

        def done(result) -> None:
            self._judges, self._divisions = result
            self._fill_scope()

        def failed(error: BaseException) -> None:
            message = db_errors.text(error)
            self.result.setText(message)

        self.window_.tasks.read(self, read, done, failed)

    def _fill_scope(self) -> None:
        """The scopes the chosen kind has, limited to what the user may see."""
        kind = self.kind.currentData()
        current = self.scope.currentText()
        self.scope.blockSignals(True)
        self.scope.clear()
        everyone = {"court": self.tr("全院"), "division": self.tr("全部部门")}.get(
            kind, self.tr("全院每位法官")
        )
        for what, name in self.window_.scope.sheet_choices(kind, self._divisions, self._judges):
            text = {
                "all": everyone,
                "division": self.tr("部门：{d}").format(d=name),
                "judge": self.tr("法官：{j}").format(j=name),
            }[what]
            self.scope.addItem(text, (what, name))
        if current and self.scope.findText(current) >= 0:
            self.scope.setCurrentText(current)
        self.scope.setEnabled(self.scope.count() > 1)
        self.scope.blockSignals(False)
        self._scope_changed()

    def _scope_changed(self) -> None:
        single = self.single()
        self.combined.setEnabled(not single)
        if single:
            self.combined.setChecked(False)
        has_scope = self.scope.count() > 0
        self.export_button.setEnabled(has_scope)
        self.preview_button.setEnabled(has_scope)

    def _combined_changed(self, on: bool) -> None:
        self.duplex.setEnabled(on)
        if not on:
            self.duplex.setChecked(False)

    def _show_warnings(self) -> None:
        """Names with characters no bundled font can draw, each named (they would print blank)."""
        lines = []
        for text in self._warnings:
            found = re.match(r"「(.*)」中的字符「(.*?)」", text)
            if found:
                lines.append(
                    self.tr(
                        "「{n}」中的字符「{c}」没有可用字体，打印出来会是空白，请核对或安装含该字的字体"
                    ).format(n=found.group(1), c=found.group(2))
                )
            else:
                lines.append(text)
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
        if lines:
            QMessageBox.warning(self, self.tr("生僻字"), "\n".join(lines))

    def single(self) -> bool:
        """One sheet (a named judge, one division's sheet, the court summary): saved under a name."""
        data = self.scope.currentData()
        if data is None:
            return False
        scope, _ = data
        kind = self.kind.currentData()
        return kind == "court" or scope == "judge" or (kind == "division" and scope == "division")

    def _default_name(self) -> str:
        kind, (_scope, name) = self.kind.currentData(), self.scope.currentData()
        # the sheets are official documents in Chinese in either language: so are their file names
        title = dict(KINDS)[kind]
        who = name or "全院"
        return f"{self.window_.year()}-{self.window_.month():02d}_{title}_{who}.pdf"

    def _job(self, folder: Path, combined: bool):
        kind = self.kind.currentData()
        scope, name = self.scope.currentData()
        year, month = self.window_.year(), self.window_.month()
        duplex = combined and self.duplex.isChecked()
        self._warnings = warnings = []

        def job(db, progress):
            return export_sheets(
                db,
                year,
                month,
                kind,
                folder,
                judge=name if scope == "judge" else None,
                division=name if scope == "division" else None,
                everyone=scope == "all",
                combined=combined,
                progress=progress,
                duplex=duplex,
                warnings=warnings,
            )

        return job

    # -- actions
    def export(self, target: str | None = None) -> None:
        """One sheet: ask for a file name, then offer to open it. Several: ask for a folder."""
        if self.scope.currentData() is None:
            return
        user = self.window_.user
        start = file_dialogs.last_folder(user)
        if self.single():
            if not target:
                target = file_dialogs.save_file_name(
                    self,
                    pdf_caption(self.tr("保存报表")),
                    str(start / self._default_name()),
                    self.tr("PDF 文件 (*.pdf)"),
                )
            if not target:
                return
            path = Path(target) if target.lower().endswith(".pdf") else Path(target + ".pdf")
            side = Path(tempfile.mkdtemp(prefix="sheet-"))
            make = self._job(side, False)

            def job(db, progress) -> Path:  # made on the side, then moved under the chosen name
                try:
                    shutil.move(str(make(db, progress)[0]), path)
                finally:  # made or not, moved or not: nothing left on the side
                    shutil.rmtree(side, ignore_errors=True)
                return path

            def saved(path: Path) -> None:
                file_dialogs.remember_folder(user, path.parent)
                self.last_dir = path.parent
                self._show_warnings()
                self.result.setText(self.tr("已保存 {p}").format(p=path))
                self.open_folder.setEnabled(True)
                self.last_file = path
                answer = QMessageBox.question(
                    self, self.tr("已生成"), self.tr("报表已保存为\n{p}\n\n现在打开吗？").format(p=path)
                )
                if answer == QMessageBox.StandardButton.Yes:
                    file_dialogs.open_in_viewer(self, path)

            self.window_.tasks.run(
                job,
                parent=self,
                label=self.tr("正在生成报表"),
                on_done=saved,
                on_failed=lambda error: self._not_saved(error, path),
            )
            return
        folder = target or file_dialogs.existing_directory(self, pdf_caption(self.tr("保存到")), str(start))
        if not folder:
            return

        def done(paths) -> None:
            file_dialogs.remember_folder(user, folder)
            self.last_dir = Path(folder)
            self.result.setText(self.tr("已生成 {n} 个 PDF 于 {f}").format(n=len(paths), f=folder))
            self.open_folder.setEnabled(True)
            self._show_warnings()

        self.window_.tasks.run(
            self._job(Path(folder), self.combined.isChecked()),
            parent=self,
            label=self.tr("正在生成报表"),
            on_done=done,
            on_failed=lambda error: self._not_saved(error),
        )

    def _not_saved(self, error: BaseException, path: Path | None = None) -> None:
        """A sheet that could not be written: why, in the window and in a message."""
        message = db_errors.file_text(error, path)
        self.result.setText(message)
        QMessageBox.warning(self, self.tr("报表未保存"), message)

    def print_preview(self) -> None:
        """Build the sheet(s) on the side (several as one document) and show them as they print."""
        if self.scope.currentData() is None:
            return
        tmp = Path(tempfile.mkdtemp(prefix="preview-"))

        def show(paths) -> None:
            from workload_app.ui.printing import preview_pdf

            if not paths:
                QMessageBox.information(self, self.tr("打印预览"), self.tr("所选范围内没有可打印的报表。"))
                return
            self.preview_path = paths[-1]  # the combined document when there are several
            preview_pdf(self.preview_path, self, self.tr("打印预览"))

        self.window_.tasks.run(
            self._job(tmp, not self.single()), parent=self, label=self.tr("正在准备打印预览"), on_done=show
        )
