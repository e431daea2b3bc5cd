"""导入向导: choose a file, see the detected headers and the first rows, map unknown headers (saved
as a profile), check it (dry run) with every row-level problem listed, then import with progress.

Every read of the chosen file and every database write runs on the window's worker (``tasks``),
with the progress/cancel dialog the other tasks use: the preview, the profile, the import, the undo."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workload_app.core.problems import ImportRejected
from workload_app.importing.headers import CASE_LABELS
from workload_app.services import imports as I
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.excel import ExcelButton
from workload_app.ui.i18n import label
from workload_app.ui.tables import table_view
from workload_app.ui.tasks import text_of


class ImportWizard(QDialog):
    def __init__(self, window, path: Path | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("导入结案数据"))
        self.resize(1000, 640)
        self.setAcceptDrops(True)
        self.path: Path | None = None
        self._preview_asked = 0  # the newest preview asked for; an older one arriving late is dropped
        self.file_label = QLineEdit()
        self.file_label.setReadOnly(True)
        self.file_label.setPlaceholderText(self.tr("选择或拖入 .xlsx / .xls / .csv 文件"))
        choose = QPushButton(self.tr("选择文件…"))
        choose.clicked.connect(self.choose)
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(lambda _: self.load_preview(keep_sheet=True))
        top = QHBoxLayout()
        top.addWidget(self.file_label, 3)
        top.addWidget(choose)
        top.addWidget(QLabel(self.tr("工作表")))
        top.addWidget(self.sheet, 1)
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([self.tr("文件中的表头"), self.tr("对应字段")])
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.preview = DataFrameModel()
        preview_view = table_view(self.preview, sortable=False, select_rows=False, stretch_last=False)
        self.problems = DataFrameModel()
        problems_view = table_view(self.problems)
        self.save_problems = ExcelButton(self.problems, lambda: self.tr("导入问题"))
        self.save_problems.setText(self.tr("保存问题清单…"))
        self.save_problems.setEnabled(False)
        problems_page = QWidget()
        problems_layout = QVBoxLayout(problems_page)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(problems_view, 1)
        problems_row = QHBoxLayout()
        problems_row.addStretch(1)
        problems_row.addWidget(self.save_problems)
        problems_layout.addLayout(problems_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.mapping, self.tr("表头对应"))
        self.tabs.addTab(preview_view, self.tr("前 20 行预览"))
        self.tabs.addTab(problems_page, self.tr("问题"))
        self.skip_invalid = QCheckBox(self.tr("跳过有问题的行，导入其余各行"))
        self.create_judges = QCheckBox(self.tr("名册中没有的法官自动建立"))
        self.create_divisions = QCheckBox(self.tr("新建名册中没有的部门"))
        self.create_divisions.setToolTip(self.tr("不勾选时，部门不在名册中的行作为问题列出（多半是笔误）"))
        self.reassign = QCheckBox(self.tr("按本文件改派"))
        self.reassign.setToolTip(
            self.tr(
                "已导入给其他法官或部门的案件，按本文件改派（每件都记入审计日志）；不勾选时这些案件保持不变，列在「问题」中"
            )
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.summary.setOpenExternalLinks(True)
        self.check_button = QPushButton(self.tr("校验（不写入）"))
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        for b in (self.check_button, self.import_button):
            b.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_invalid)
        buttons.addWidget(self.create_judges)
        buttons.addWidget(self.create_divisions)
        buttons.addWidget(self.reassign)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        if path:
            self.set_file(path)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if urls:
            self.set_file(Path(urls[0].toLocalFile()))

    def choose(self) -> None:
        user = self.window_.user
        name = file_dialogs.open_file_name(
            self,
            self.tr("选择导出文件"),
            str(file_dialogs.last_folder(user)),
            self.tr("案件数据 (*.xlsx *.xls *.csv)"),
        )
        if name:
            file_dialogs.remember_folder(user, Path(name).parent)
            self.set_file(Path(name))

    def set_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(str(path))
        self.load_preview(keep_sheet=False)

    def load_preview(self, keep_sheet: bool) -> None:
        """Read the file's sheets, header and first rows on the worker (a large workbook takes a
        while to open); the window stays usable and Cancel drops the preview."""
        if self.path is None:
            return
        path = self.path
        sheet = self.sheet.currentText() if keep_sheet and self.sheet.count() else None
        self._preview_asked += 1
        asked = self._preview_asked
        for b in (self.check_button, self.import_button):
            b.setEnabled(False)
        self.summary.setText(self.tr("正在读取 {f}…").format(f=path.name))

        def job(db, progress):
            progress(0.05, "")
            info = I.preview(db, path, sheet)
            progress(1.0, "")  # Cancel pressed while the file was read: stop here
            return info

        def current(callback):
            return lambda *args: callback(*args) if asked == self._preview_asked else None

        def failed(exc: BaseException) -> None:
            self.summary.setText(f"<span style='color:#b00020'>{text_of(exc)}</span>")

        self.window_.tasks.run(
            job,
            parent=self,
            label=self.tr("正在读取 {f}").format(f=path.name),
            on_done=current(lambda info: self._show_preview(info, keep_sheet)),
            on_failed=current(failed),
            on_cancelled=current(lambda: self.summary.setText(self.tr("已取消读取。"))),
        )

    def _show_preview(self, info: dict, keep_sheet: bool) -> None:
        if not keep_sheet:
            self.sheet.blockSignals(True)
            self.sheet.clear()
            self.sheet.addItems(info["sheets"])
            self.sheet.setCurrentText(info["sheet"])
            self.sheet.blockSignals(False)
        self.mapping.setRowCount(0)
        fields = ["", *CASE_LABELS]
        for field, header in info["mapping"].items():
            self._mapping_row(header, field, fields, known=True)
        for header in info["unknown"]:
            self._mapping_row(header, "", fields, known=False)
        self.preview.set_frame(pd.DataFrame(info["rows"], columns=_unique(info["columns"])))
        self.summary.setText(
            self.tr(
                "表头在第 {r} 行；识别 {n} 列，未识别 {u} 列（可在「表头对应」中指定，保存为映射方案）"
            ).format(r=info["header_row"], n=len(info["mapping"]), u=len(info["unknown"]))
        )
        for b in (self.check_button, self.import_button):
            b.setEnabled(True)

    def _mapping_row(self, header: str, field: str, fields: list[str], known: bool) -> None:
        r = self.mapping.rowCount()
        self.mapping.insertRow(r)
        self.mapping.setItem(r, 0, QTableWidgetItem(header))
        box = QComboBox()
        for f in fields:
            box.addItem(
                self.tr("{label}（{field}）").format(label=label(CASE_LABELS[f]), field=f)
                if f
                else self.tr("（不导入）"),
                f,
            )
        box.setCurrentIndex(fields.index(field) if field in fields else 0)
        box.setEnabled(not known)
        self.mapping.setCellWidget(r, 1, box)

    def _profile(self) -> tuple[str, dict[str, str]] | None:
        """The headers mapped by hand, as a profile named after the file (saved by the task)."""
        mapping = {}
        for r in range(self.mapping.rowCount()):
            box = self.mapping.cellWidget(r, 1)
            if box.isEnabled() and box.currentData():
                mapping[self.mapping.item(r, 0).text()] = box.currentData()
        if not mapping or self.path is None:
            return None
        return f"导入向导-{self.path.stem}", mapping

    def run(self, dry_run: bool) -> None:
        if self.path is None:
            return
        chosen = self._profile()
        profile = chosen[0] if chosen else None
        path, sheet = self.path, self.sheet.currentText() or None
        skip, create = self.skip_invalid.isChecked(), self.create_judges.isChecked()
        create_divisions = self.create_divisions.isChecked()
        reassign = self.reassign.isChecked()

        def job(db, progress):
            if chosen:
                I.save_profile(db, *chosen)
            try:
                return I.import_cases(
                    db,
                    path,
                    sheet=sheet,
                    skip_invalid=skip,
                    dry_run=dry_run,
                    create_judges=create,
                    create_divisions=create_divisions,
                    reassign=reassign,
                    profile=profile,
                    progress=progress,
                    lang=db_errors.language(),
                )
            except ImportRejected as exc:
                return exc

        self.window_.tasks.run(
            job,
            parent=self,
            label=self.tr("正在读取与校验 {f}").format(f=path.name),
            on_done=lambda r: self._show_result(r, dry_run),
        )

    def _show_result(self, result, dry_run: bool) -> None:
        if isinstance(result, ImportRejected):
            self._show_problems(result.problems, [], [])
            self.summary.setText(f"<span style='color:#b00020'>{text_of(result)}</span>")
            return
        held = result.conflicts if not result.reassigned else []
        self._show_problems(result.problems, held, result.warnings)
        text = result.summary_text(
            db_errors.language(), conflicts=False
        )  # total lines skipped are named there
        lines = self.problems.rowCount()
        if lines:
            text += "<br>" + self.tr(
                "「问题」中共 {n} 条：拒绝的 {r} 行有 {p} 条问题，已导入给其他法官或部门而本次未改动 {h} 件，"
                "提示 {w} 条（照常导入，请核对）。"
            ).format(
                n=lines,
                r=result.rejected,
                p=lines - len(held) - len(result.warnings),
                h=len(held),
                w=len(result.warnings),
            )
        if held:
            text += "<br>" + self.tr(
                "<b>{n} 件案件已导入给其他法官或部门</b>，本次未改动；确认改派请勾选下方「按本文件改派」后再导入。"
            ).format(n=len(held))
        if result.report_path:
            text += self.tr("　<a href='file://{p}'>打开问题报告</a>").format(p=result.report_path)
        self.summary.setText(text)
        if not dry_run and result.committed:
            from workload_app.services.changes import Changes

            self.window_.apply_changes(Changes(cases=True, judges=bool(result.created_judges)))

    def _show_problems(self, problems, held, warnings) -> None:
        """One line per problem: refused rows, cases held for another judge (改派), and warnings
        (提示: imported, worth a look), each with its kind, by row."""
        kinds = {
            "refused": self.tr("拒绝"),
            "held": self.tr("未改动"),
            "warning": self.tr("提示"),
        }
        lines = [(p, "held" if p.code == "reassign_conflict" else "refused") for p in problems] + [
            (p, "warning") for p in warnings
        ]
        lines.sort(key=lambda x: x[0].row or 0)
        frame = pd.DataFrame(
            [
                {
                    "row": p.row,
                    "kind": kinds[k],
                    "column": p.column,
                    "value": p.value,
                    "message": p.text(db_errors.language()),
                }
                for p, k in lines
            ],
            columns=["row", "kind", "column", "value", "message"],
        )
        self.problems.set_frame(
            frame.rename(
                columns={
                    "row": self.tr("行号"),
                    "kind": self.tr("种类"),
                    "column": self.tr("列"),
                    "value": self.tr("值"),
                    "message": self.tr("问题"),
                }
            )
        )
        self.save_problems.setEnabled(bool(lines))
        if lines:
            self.tabs.setCurrentIndex(2)


def _unique(columns: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for c in columns:
        c = c or "-"
        seen[c] = seen.get(c, 0) + 1
        out.append(c if seen[c] == 1 else f"{c}.{seen[c]}")
    return out


class ImportHistoryDialog(QDialog):
    """导入历史: every batch, with undo."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("导入历史"))
        self.resize(900, 400)
        self.model = DataFrameModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        undo = QPushButton(self.tr("撤销所选批次"))
        undo.clicked.connect(self.undo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(undo)
        self.refresh()

    def refresh(self) -> None:
        rows = I.import_history(self.window_.db)
        frame = pd.DataFrame(
            rows,
            columns=[
                "id",
                "created_at",
                "user",
                "kind",
                "file_name",
                "rows_new",
                "rows_updated",
                "rows_unchanged",
                "rows_rejected",
                "undone_at",
            ],
        )
        kinds = {"cases": self.tr("案件"), "judges": self.tr("名册"), "demo": self.tr("示范数据")}
        frame["kind"] = frame["kind"].map(lambda k: kinds.get(k, k))
        for col in ("created_at", "undone_at"):  # stored in local time
            frame[col] = frame[col].map(lambda t: t.replace("T", " ") if isinstance(t, str) else "")
        self.model.set_frame(
            frame.rename(
                columns={
                    "id": self.tr("批次"),
                    "created_at": self.tr("时间"),
                    "user": self.tr("用户"),
                    "kind": self.tr("种类"),
                    "file_name": self.tr("文件"),
                    "rows_new": self.tr("新增"),
                    "rows_updated": self.tr("更新"),
                    "rows_unchanged": self.tr("未变"),
                    "rows_rejected": self.tr("拒绝"),
                    "undone_at": self.tr("撤销时间"),
                }
            )
        )

    def undo(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        batch = int(self.model.row_at(index.row())[self.tr("批次")])
        if (
            QMessageBox.question(self, self.tr("撤销导入"), self.tr("撤销第 {b} 批导入？").format(b=batch))
            != QMessageBox.StandardButton.Yes
        ):
            return

        def undone(changes) -> None:
            self.window_.apply_changes(changes)
            self.refresh()

        self.window_.tasks.run(  # a backup copy, then the batch's rows: on the worker
            lambda db, _progress: I.undo_import(db, batch),
            parent=self,
            label=self.tr("正在撤销第 {b} 批导入").format(b=batch),
            on_done=undone,
            on_failed=lambda exc: QMessageBox.warning(self, self.tr("无法撤销"), text_of(exc)),
        )
