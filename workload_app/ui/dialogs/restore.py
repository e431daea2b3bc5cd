"""从备份恢复: the backups of this database, each with when and why it was taken, the change it
was taken before and what restoring it would lose; or another file chosen on disk."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from workload_app.services import maintenance
from workload_app.ui import file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.i18n import label, local_time
from workload_app.ui.tables import table_view


def change_text(row: dict) -> str:
    """One change of the audit trail in words: 导入结案数据「2026年2月结案.xlsx」（renshi，2026-02-03 10:15）."""
    return label("{a}「{t}」（{u}，{at}）").format(
        a=label(row["action_label"]), t=row["target"] or "", u=row["user"] or "", at=local_time(row["at"])
    )


def lost_text(info: maintenance.BackupInfo) -> str:
    """What restoring ``info`` loses, for the dialog and the confirmation."""
    if not info.lost:
        return label("此备份之后没有记录任何改动，恢复不会丢失数据。")
    text = label("恢复后将丢失此备份之后记录的 {n} 项改动（审计日志本身保留）：").format(n=info.lost)
    lines = [change_text(r) for r in info.lost_rows]
    if info.lost > len(info.lost_rows):
        lines.insert(1, "…")
    return text + "\n" + "\n".join("· " + line if line != "…" else line for line in lines)


class RestoreDialog(QDialog):
    """Pick a backup (``chosen`` once accepted)."""

    COLUMNS = {"taken_at": "备份时间", "reason": "原因", "before": "之后的第一项改动", "lost": "将丢失的改动"}

    def __init__(self, parent, choices: list[maintenance.BackupInfo]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从备份恢复"))
        self.choices = choices
        self.chosen: Path | None = None
        self.model = DataFrameModel(headers={k: label(v) for k, v in self.COLUMNS.items()})
        self.model.set_frame(
            pd.DataFrame(
                [
                    {
                        "taken_at": c.taken_at[:16],
                        "reason": label(maintenance.REASONS[c.reason]) if c.reason else c.path.name,
                        "before": change_text(c.before) if c.before else self.tr("（之后没有改动）"),
                        "lost": c.lost,
                    }
                    for c in choices
                ],
                columns=list(self.COLUMNS),
            )
        )
        self.table = table_view(self.model, sortable=False)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current.row()))
        self.detail = QLabel(self.tr("没有找到此数据库的备份，可选择其他备份文件。") if not choices else "")
        self.detail.setWordWrap(True)
        other = QPushButton(self.tr("选择其他备份文件…"))
        other.clicked.connect(self.choose_file)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("恢复所选备份…"))
        self.ok.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(other)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        self.resize(900, 480)
        if choices:
            self.table.selectRow(0)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.choices):
            return
        info = self.choices[row]
        self.chosen = info.path
        self.ok.setEnabled(True)
        self.detail.setText(f"{info.path}\n{lost_text(info)}")

    def choose_file(self) -> None:
        start = self.choices[0].path.parent if self.choices else Path.home()
        name = file_dialogs.open_file_name(
            self, self.tr("从备份恢复"), str(start), self.tr("数据库备份 (*.sqlite *.db *.bak);;所有文件 (*)")
        )
        if name:
            self.chosen = Path(name)
            super().accept()
