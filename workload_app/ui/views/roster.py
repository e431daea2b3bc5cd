"""名册: the court's judges (人事, 管理员): add one, change a post (职务), track, 入额 or 离任 date,
move a judge to another division from a date, and (管理员) open accounts for every judge of the
roster at once, the initial passwords printed once to a PDF for handing out."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workload_app.core.params import POSTS
from workload_app.core.problems import WorkloadError
from workload_app.services import access, roster
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.excel import ExcelButton
from workload_app.ui.i18n import labels, pdf_caption, post_label, track_label
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, error_label, ok_cancel

COLUMNS = {
    "name": "姓名",
    "division": "部门",
    "post_label": "职务",
    "track_label": "类别",
    "in_post_from": "入额日期",
    "in_post_to": "离任日期",
    "moves_text": "调动记录",
}


def _qdate(text: object) -> QDate:
    return (
        QDate.fromString(str(text), "yyyy-MM-dd") if isinstance(text, str) and text else QDate.currentDate()
    )


class DateField(QWidget):
    """A date that may be left empty (no 离任 date: still in post)."""

    def __init__(self, value: object, empty_text: str) -> None:
        super().__init__()
        self.set = QCheckBox()
        self.date = QDateEdit(_qdate(value))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.empty = QLabel(empty_text)
        self.set.toggled.connect(self._toggle)
        self.set.setChecked(isinstance(value, str) and bool(value))
        self._toggle(self.set.isChecked())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.set)
        row.addWidget(self.date)
        row.addWidget(self.empty)
        row.addStretch(1)

    def _toggle(self, on: bool) -> None:
        self.date.setVisible(on)
        self.empty.setVisible(not on)

    def value(self) -> str:
        return self.date.date().toString("yyyy-MM-dd") if self.set.isChecked() else ""


class JudgeDialog(QDialog):
    """A new judge, or a judge's post, track and dates (``existing``)."""

    def __init__(self, view, existing: dict | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.existing = existing
        self.setWindowTitle(self.tr("修改名册") if existing else self.tr("新增法官"))
        self.name = QLineEdit(existing["name"] if existing else "")
        self.name.setEnabled(existing is None)
        self.division = QComboBox()
        for d in roster.division_names(view.window_.db):
            self.division.addItem(d, d)
        self.post = QComboBox()
        for r in POSTS:
            self.post.addItem(post_label(r), r)
        self.track = QComboBox()
        for t in ("trial", "enforcement"):
            self.track.addItem(track_label(t), t)
        e = existing or {}
        self.start = DateField(e.get("in_post_from"), self.tr("（未填）"))
        self.end = DateField(e.get("in_post_to"), self.tr("（在任）"))
        if existing:
            self.division.setCurrentIndex(max(0, self.division.findData(existing["division"])))
            self.division.setEnabled(False)  # another division: a move with a date
            self.post.setCurrentIndex(max(0, self.post.findData(existing["post"])))
            self.track.setCurrentIndex(max(0, self.track.findData(existing["track"])))
        else:
            self.post.setCurrentIndex(self.post.findData("审判员"))
        self.message = error_label()
        # a name that differs from one on the roster only by traditional/simplified characters or
        # spaces (趙靜 beside 赵静) is refused unless this is ticked
        self.confirm_similar = QCheckBox(self.tr("确认相似姓名为不同法官"))
        self.confirm_similar.setVisible(existing is None)
        form = QFormLayout()
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("部门"), self.division)
        form.addRow(self.tr("职务"), self.post)
        form.addRow(self.tr("类别"), self.track)
        form.addRow(self.tr("入额日期"), self.start)
        form.addRow(self.tr("离任日期"), self.end)
        buttons = ok_cancel(self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if existing:
            hint = QLabel(self.tr("调往其他部门请用「调动…」，并填写调动日期。"))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addWidget(self.confirm_similar)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        db = self.view.window_.db
        try:
            if self.existing is None:
                changes = roster.add_judge(
                    db,
                    self.name.text(),
                    self.division.currentData(),
                    self.post.currentData(),
                    self.track.currentData(),
                    self.start.value() or None,
                    self.end.value() or None,
                    confirm_similar=self.confirm_similar.isChecked(),
                )
            else:
                changes = roster.edit_judge(
                    db,
                    self.existing["name"],
                    post=self.post.currentData(),
                    track=self.track.currentData(),
                    in_post_from=self.start.value(),
                    in_post_to=self.end.value(),
                )
        except WorkloadError as exc:
            self.message.setText(db_errors.text(exc))
            return
        self.accept()
        self.view.window_.apply_changes(changes)


class TransferDialog(QDialog):
    """Move a judge to another division from a date on."""

    def __init__(self, view, judge: dict) -> None:
        super().__init__(view)
        self.view = view
        self.judge = judge
        self.setWindowTitle(self.tr("调动：{n}").format(n=judge["name"]))
        self.division = QComboBox()
        for d in roster.division_names(view.window_.db):
            if d != judge["division"]:
                self.division.addItem(d, d)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("现在部门"), QLabel(judge["division"] or ""))
        form.addRow(self.tr("调往部门"), self.division)
        form.addRow(self.tr("自该日起在新部门"), self.date)
        buttons = ok_cancel(self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("已结案件仍计入结案时的部门；本年度的部门任务与法官人数按在各部门的天数分摊。"))
        )
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            changes = roster.transfer(
                self.view.window_.db,
                self.judge["name"],
                self.division.currentData(),
                self.date.date().toString("yyyy-MM-dd"),
            )
        except WorkloadError as exc:
            self.message.setText(db_errors.text(exc))
            return
        self.accept()
        self.view.window_.apply_changes(changes)


class RosterView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.model = DataFrameModel(headers=labels(COLUMNS))
        self.table = table_view(self.model)
        self.table.doubleClicked.connect(lambda _: self.edit())
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("新增法官…"), self.add),
            ("edit", self.tr("修改…"), self.edit),
            ("transfer", self.tr("调动…"), self.transfer),
        ):
            b = QPushButton(text)
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        if window.scope.allows(access.Action.MANAGE_ACCOUNTS):
            b = QPushButton(self.tr("为名册法官建立账户…"))
            b.setToolTip(self.tr("为每位尚无账户的在任法官建立账户，初始密码只打印一次到 PDF"))
            b.clicked.connect(lambda: self.create_accounts())
            bar.addWidget(b)
            self.buttons["accounts"] = b
        bar.addStretch(1)
        bar.addWidget(ExcelButton(self.model, lambda: self.tr("法官名册"), self))
        self.status = QLabel()
        self.result = QLabel()  # what the last account creation did (kept over refreshes)
        self.result.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(self.result)
        self._frame = pd.DataFrame()

    def refresh(self) -> None:
        frame = roster.roster(self.window_.db)
        frame["post_label"] = frame["post"].map(post_label)
        frame["track_label"] = frame["track"].map(track_label)
        frame["moves_text"] = [
            "; ".join(
                self.tr("{d} 起 {a}→{b}").format(
                    d=m["from_date"], a=m["from_division"] or "", b=m["division"]
                )
                for m in moves
            )
            for moves in frame["moves"]
        ]
        self._frame = frame
        self.model.set_frame(frame[list(COLUMNS)])
        self.status.setText(self.tr("名册共 {n} 名法官").format(n=len(frame)))

    def show_empty(self) -> None:
        self.refresh()

    def _selected(self) -> dict | None:
        index = self.table.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, self.tr("名册"), self.tr("请先选中一名法官"))
            return None
        name = self.model.row_at(index.row())["name"]
        return self._frame.set_index("name").loc[name].to_dict() | {"name": name}

    def select(self, name: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row)["name"] == name:
                self.table.selectRow(row)
                return
        raise KeyError(name)

    def _open(self, dialog: QDialog) -> QDialog:
        """Show ``dialog`` (window-modal, not blocking) and keep it as ``self.dialog``."""
        self.dialog = dialog
        dialog.open()
        return dialog

    def add(self) -> JudgeDialog:
        return self._open(JudgeDialog(self))

    def edit(self) -> JudgeDialog | None:
        judge = self._selected()
        return None if judge is None else self._open(JudgeDialog(self, judge))

    def transfer(self) -> TransferDialog | None:
        judge = self._selected()
        return None if judge is None else self._open(TransferDialog(self, judge))

    def create_accounts(self, target: str | None = None) -> None:
        """Accounts for every judge without one; the passwords go once to a PDF the user names."""
        start = file_dialogs.last_folder(self.window_.user)
        if not target:
            answer = QMessageBox.question(
                self,
                self.tr("为名册法官建立账户"),
                self.tr(
                    "将为每位尚无账户的在任法官建立账户（登录名为姓名；庭长可查看本庭）。\n"
                    "初始密码只打印一次到 PDF，系统不保存明文，请妥善保管、当面分发。\n\n继续吗？"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            target = file_dialogs.save_file_name(
                self,
                pdf_caption(self.tr("保存账户通知单")),
                str(start / "账户通知单.pdf"),  # a Chinese document: a Chinese name
                self.tr("PDF 文件 (*.pdf)"),
            )
        if not target:
            return
        path = Path(target) if target.lower().endswith(".pdf") else Path(target + ".pdf")

        def done(changes) -> None:
            file_dialogs.remember_folder(self.window_.user, path.parent)
            created = changes.summary.created
            self.result.setText(
                self.tr("已建立 {n} 个账户，初始密码已写入 {p}（仅此一份）").format(n=len(created), p=path)
            )
            QMessageBox.information(self, self.tr("账户已建立"), self.result.text())
            self.window_.apply_changes(changes)

        def failed(error: BaseException) -> None:
            message = db_errors.text(error)
            self.result.setText(message)
            QMessageBox.warning(self, self.tr("未建立账户"), message)

        self.window_.tasks.run(
            lambda db, progress: roster.create_roster_accounts(db, path),
            parent=self,
            label=self.tr("正在建立账户"),
            on_done=done,
            on_failed=failed,
        )
