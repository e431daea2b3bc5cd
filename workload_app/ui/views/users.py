"""用户: accounts and roles (管理员 only): add, change role or links, disable, reset a password."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtWidgets import (
    QCheckBox,
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

from workload_app.core.problems import WorkloadError
from workload_app.services import access, accounts, slips
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.i18n import label, labels, local_time
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, error_label, ok_cancel

COLUMNS = {
    "login": "登录名",
    "display_name": "姓名",
    "role_label": "角色",
    "link": "关联",
    "state": "状态",
    "created_at": "建立时间",
    "locked_until": "锁定至",
}


class UserDialog(QDialog):
    """A new account, or changes to one (``existing``)."""

    def __init__(self, window, existing: dict | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.existing = existing
        self.setWindowTitle(self.tr("修改账户") if existing else self.tr("新建账户"))
        self.login = QLineEdit(existing["login"] if existing else "")
        self.login.setEnabled(existing is None)
        self.name = QLineEdit(existing["display_name"] if existing else "")
        self.role = QComboBox()
        for code, label_ in access.ROLE_LABELS.items():
            self.role.addItem(label(label_), code)
        self.role.setCurrentIndex(self.role.findData(accounts.NEW_ACCOUNT_ROLE))
        self.judge = QComboBox()
        self.judge.addItem("", None)
        judges, divisions = accounts.link_choices(window.db)
        for name, division in judges:  # the division tells two judges of similar names apart
            self.judge.addItem(self.tr("{n}（{d}）").format(n=name, d=division) if division else name, name)
        self.division = QComboBox()
        self.division.addItem("", None)
        for name in divisions:
            self.division.addItem(name, name)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("留空则随机生成，只打印在账户通知单上"))
        self.slip = QCheckBox(self.tr("保存账户通知单（PDF，初始密码只出现在单上）"))
        self.slip.setChecked(True)
        self.slip_path: Path | None = None  # where the slip was written
        if existing:
            self.role.setCurrentIndex(self.role.findData(existing["role"]))
            self.judge.setCurrentIndex(max(0, self.judge.findData(existing["judge"])))
            self.division.setCurrentIndex(max(0, self.division.findData(existing["division"])))
        self.message = error_label(wrap=False)
        form = QFormLayout()
        form.addRow(self.tr("登录名"), self.login)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("关联法官（法官必填）"), self.judge)
        form.addRow(self.tr("关联部门（庭长必填）"), self.division)
        if existing is None:
            form.addRow(self.tr("初始密码（首次登录须修改）"), self.password)
            form.addRow("", self.slip)
        buttons = ok_cancel(self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _slip_target(self) -> Path | None:
        """Where the new account's slip goes (asked with the save dialog); None when cancelled."""
        user = self.window_.user
        start = file_dialogs.last_folder(user) / self.tr("账户通知单_{l}.pdf").format(
            l=self.login.text().strip()
        )
        name = file_dialogs.save_file_name(
            self, self.tr("保存账户通知单"), str(start), self.tr("PDF 文件 (*.pdf)")
        )
        if not name:
            return None
        path = slips.pdf_path(name)
        file_dialogs.remember_folder(user, path.parent)
        return path

    def save(self) -> None:
        db = self.window_.db
        if self.existing is None and self.slip.isChecked():
            self._save_with_slip()
            return
        if self.existing is None and not self.password.text():
            self.message.setText(self.tr("请填写初始密码，或保存账户通知单（随机生成初始密码）。"))
            return
        try:
            if self.existing is None:
                accounts.create_user(
                    db,
                    self.login.text(),
                    self.role.currentData(),
                    self.password.text(),
                    display_name=self.name.text().strip(),
                    judge=self.judge.currentData(),
                    division=self.division.currentData(),
                )
            else:
                accounts.update_user(
                    db,
                    self.existing["login"],
                    role=self.role.currentData(),
                    display_name=self.name.text().strip(),
                    judge=self.judge.currentData() or "",
                    division=self.division.currentData() or "",
                )
        except WorkloadError as exc:
            self.message.setText(db_errors.text(exc))
            return
        self.accept()

    def _save_with_slip(self) -> None:
        """新建账户 with its slip: the slip is written first, the account made only then."""
        login = self.login.text().strip()
        if not login:
            self.message.setText(db_errors.text(WorkloadError("account.empty_login")))
            return
        target = self._slip_target()
        if target is None:
            return
        password = self.password.text() or slips.initial_password(login)
        try:
            self.slip_path = slips.create_account(
                self.window_.db,
                login,
                self.role.currentData(),
                password,
                target,
                self.window_.db_path,
                display_name=self.name.text().strip(),
                judge=self.judge.currentData(),
                division=self.division.currentData(),
            )
        except WorkloadError as exc:
            self.message.setText(db_errors.text(exc))
            return
        QMessageBox.information(
            self,
            self.tr("账户已建立"),
            self.tr("账户「{l}」已建立，初始密码已写入 {p}（仅此一份），首次登录须修改。").format(
                l=login, p=self.slip_path
            ),
        )
        self.accept()


class UsersView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.model = DataFrameModel(headers=labels(COLUMNS))
        self.table = table_view(self.model, sortable=False)
        self.table.doubleClicked.connect(lambda _: self.edit())
        bar = QHBoxLayout()
        for text, slot in (
            (self.tr("新建账户…"), self.add),
            (self.tr("修改…"), self.edit),
            (self.tr("重置密码…"), self.reset),
            (self.tr("停用/启用"), self.toggle),
        ):
            b = QPushButton(text)
            b.clicked.connect(slot)
            bar.addWidget(b)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(
            QLabel(
                self.tr(
                    "密码只以 scrypt 哈希保存。连续 5 次输错密码，账户锁定 15 分钟；管理员重置密码可立即解锁。"
                )
            )
        )
        self._users: list[dict] = []

    def refresh(self) -> None:
        self._users = accounts.list_users(self.window_.db)
        frame = pd.DataFrame(
            self._users,
            columns=[
                "login",
                "display_name",
                "role",
                "judge",
                "division",
                "active",
                "must_change",
                "locked_until",
                "created_at",
            ],
        )
        frame["role_label"] = frame["role"].map(lambda r: label(access.ROLE_LABELS[r]))
        frame["link"] = frame["judge"].fillna(frame["division"]).fillna("")
        frame["state"] = [
            self.tr("停用") if not a else (self.tr("须改密码") if m else self.tr("正常"))
            for a, m in zip(frame["active"], frame["must_change"], strict=True)
        ]
        for col in ("created_at", "locked_until"):
            frame[col] = frame[col].map(local_time)
        self.model.set_frame(frame[list(COLUMNS)])

    def _selected(self) -> dict | None:
        index = self.table.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, self.tr("用户"), self.tr("请先选中一个账户"))
            return None
        login = self.model.row_at(index.row())["login"]
        return next(u for u in self._users if u["login"] == login)

    def add(self) -> None:
        if UserDialog(self.window_).exec():
            self.refresh()

    def edit(self) -> None:
        user = self._selected()
        if user and UserDialog(self.window_, user).exec():
            self.refresh()

    def reset(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        user = self._selected()
        if not user:
            return
        password, ok = QInputDialog.getText(
            self,
            self.tr("重置密码"),
            self.tr("「{u}」的临时密码（下次登录须修改）：").format(u=user["login"]),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        try:
            accounts.reset_password(self.window_.db, user["login"], password)
        except WorkloadError as exc:
            QMessageBox.warning(self, self.tr("未重置"), db_errors.text(exc))
            return
        self.refresh()

    def toggle(self) -> None:
        """停用 or 启用 the selected account, once confirmed."""
        user = self._selected()
        if not user:
            return
        name = user["display_name"] or user["login"]
        if user["active"]:
            title = self.tr("停用账户")
            text = self.tr(
                "停用账户「{l}」（{n}）？\n停用后该账户不能登录，数据和审计记录保留，可随时再启用。"
            )
        else:
            title = self.tr("启用账户")
            text = self.tr("启用账户「{l}」（{n}）？\n启用后该账户可以再次登录。")
        answer = QMessageBox.question(self, title, text.format(l=user["login"], n=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            accounts.update_user(self.window_.db, user["login"], active=not user["active"])
        except WorkloadError as exc:
            QMessageBox.warning(self, self.tr("未修改"), db_errors.text(exc))
            return
        self.refresh()
