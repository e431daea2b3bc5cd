"""Log-in on start, and the password change a first-time or reset password requires."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from workload_app.core.problems import WorkloadError
from workload_app.services import access, accounts
from workload_app.services.demo import DEMO_PASSWORD, demo_accounts
from workload_app.ui import db_errors
from workload_app.ui.i18n import label
from workload_app.ui.view_parts import error_label, ok_cancel


class LoginDialog(QDialog):
    """Asks for a login name and password until they are right, or the user gives up."""

    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.user: access.User | None = None
        self.must_change = False
        self.setWindowTitle(self.tr("登录 — 法官工作量计算器"))
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("登录名"), self.login)
        form.addRow(self.tr("密码"), self.password)
        buttons = ok_cancel(self.try_login, self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        demo = demo_accounts(db)
        if demo:
            lines = "".join(
                f"<tr><td>{a['login']}</td><td>{label(a['role'])}</td><td>{a['name']}</td><td>{a['division']}</td></tr>"
                for a in demo
            )
            note = QLabel(
                self.tr("这是示范数据库。示范账户的密码均为 <b>{pw}</b>：").format(pw=DEMO_PASSWORD)
                + f"<table cellspacing='6'>{lines}</table>"
            )
            note.setStyleSheet("background: #fff8e1; padding: 6px;")
            layout.addWidget(note)
        layout.addWidget(buttons)
        self.login.setFocus()

    def try_login(self) -> None:
        try:
            self.user, self.must_change = accounts.login(self.db, self.login.text(), self.password.text())
        except WorkloadError as exc:
            self.message.setText(db_errors.text(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class ChangePasswordDialog(QDialog):
    """The logged-in user's own password; ``required`` when a first-time or reset one must go."""

    def __init__(self, db, required: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("修改密码"))
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for field in (self.old, self.new, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("原密码"), self.old)
        form.addRow(self.tr("新密码"), self.new)
        form.addRow(self.tr("再输入一次"), self.again)
        buttons = ok_cancel(self.change, self.reject)
        layout = QVBoxLayout(self)
        if required:
            layout.addWidget(QLabel(self.tr("这是首次登录或管理员重置后的密码，请先设置自己的密码。")))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("至少 8 位，须同时包含字母和数字（或符号）。")))
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def change(self) -> None:
        if self.new.text() != self.again.text():
            self.message.setText(self.tr("两次输入的新密码不一致"))
            return
        try:
            accounts.change_password(self.db, self.old.text(), self.new.text())
        except WorkloadError as exc:
            self.message.setText(db_errors.text(exc))
            return
        self.accept()
