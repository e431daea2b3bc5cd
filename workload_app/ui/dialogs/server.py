"""连接法院服务器: where the court's server is (address, port, database) and who logs in.

The password goes to the server only: it is kept in memory for the session (the window's workers
open their own connections with it) and never written anywhere; the last server (address, port,
database, account) is remembered in the settings. Connecting runs on a worker, so the window never
freezes; 取消 stops waiting at once (a connection that still arrives is closed)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workload_app.core.problems import WorkloadError
from workload_app.services import site_settings
from workload_app.services.session import ServerLogin, close_db, open_store
from workload_app.ui import db_errors
from workload_app.ui.tasks import TaskRunner

DEFAULT_PORT = 5432
DEFAULT_DATABASE = "workload"
# What is remembered of the last server (never the password).
SETTINGS_KEYS = (
    "server/host", "server/port", "server/database", "server/account", "server/sslmode", "server/sslrootcert",
)  # fmt: skip


def remembered(settings: QSettings) -> ServerLogin | None:
    """The last server connected to, without password; None when there was none."""
    host = str(settings.value("server/host", "") or "")
    if not host:
        return None
    try:
        port = int(settings.value("server/port", DEFAULT_PORT))
    except (TypeError, ValueError):
        port = DEFAULT_PORT
    database = str(settings.value("server/database", DEFAULT_DATABASE) or DEFAULT_DATABASE)
    sslmode = str(settings.value("server/sslmode", "") or "")
    try:
        return ServerLogin(
            host,
            port,
            database,
            str(settings.value("server/account", "") or ""),
            sslmode=sslmode,
            sslrootcert=str(settings.value("server/sslrootcert", "") or ""),
        )
    except ValueError:  # an sslmode edited by hand into something libpq does not know
        return ServerLogin(host, port, database, str(settings.value("server/account", "") or ""))


def remember(settings: QSettings, login: ServerLogin) -> None:
    settings.setValue("server/host", login.host)
    settings.setValue("server/port", login.port)
    settings.setValue("server/database", login.database)
    settings.setValue("server/account", login.user)
    settings.setValue("server/sslmode", login.sslmode)
    settings.setValue("server/sslrootcert", login.sslrootcert)


def court_file() -> tuple[site_settings.SiteSettings | None, str]:
    """The court's settings file and, when it is wrong, the error in the window's language (the
    program then starts without it)."""
    try:
        return site_settings.load(), ""
    except WorkloadError as exc:
        return None, db_errors.text(exc)


def court_server() -> ServerLogin | None:
    """The server the court's settings file names (None without one, or when it is wrong)."""
    site, _ = court_file()
    return site.server if site is not None else None


def suggested_server(settings: QSettings) -> ServerLogin | None:
    """What the 连接法院服务器 dialog is filled in with: the server used last, else the court's."""
    return remembered(settings) or court_server()


class ConnectServerDialog(QDialog):
    """Fills in the server and the account; on 连接 connects on a worker and, once the server took
    the password, accepts with ``db`` (the account logged in), ``login`` and ``must_change``."""

    def __init__(
        self,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
        initial: ServerLogin | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or QSettings()
        self.tasks = TaskRunner(None, self)  # connecting opens no store yet
        self.tasks.pool.setMaxThreadCount(3)  # a new attempt never waits behind an abandoned one
        self.db = None
        self.login: ServerLogin | None = None
        self.must_change = False
        self._job = None
        self.setWindowTitle(self.tr("连接法院服务器"))
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("例如 192.168.1.20 或 court-db"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database = QLineEdit(DEFAULT_DATABASE)
        self.account = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库"), self.database)
        form.addRow(self.tr("账户"), self.account)
        form.addRow(self.tr("密码"), self.password)
        note = QLabel(self.tr("密码只发送给服务器，不会保存。服务器地址和账户由法院信息技术人员提供。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("连接"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.tls = ("", "")  # sslmode, sslrootcert: from the address given, the last server or the court's
        self.tls_note = QLabel()
        self.tls_note.setWordWrap(True)
        self.tls_note.setStyleSheet("color: #555;")
        layout.insertWidget(2, self.tls_note)
        self.fill(initial or suggested_server(self.settings))

    def fill(self, login: ServerLogin | None) -> None:
        if login is None:
            self.tls_note.setVisible(False)
            self.host.setFocus()
            return
        self.tls = (login.sslmode, login.sslrootcert)
        self.tls_note.setText(self.tr("加密连接（TLS）：sslmode={m}").format(m=login.sslmode))
        self.tls_note.setVisible(bool(login.sslmode))
        self.host.setText(login.host)
        self.port.setValue(login.port)
        self.database.setText(login.database)
        self.account.setText(login.user)
        self.password.setText(login.password)
        first_empty = next(
            (w for w in (self.host, self.database, self.account) if not w.text()), self.password
        )
        first_empty.setFocus()

    def _show(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #555;")
        self.message.setText(text)

    def connecting(self) -> bool:
        return self._job is not None

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.host, self.port, self.database, self.account, self.password, self.connect_button):
            widget.setEnabled(not busy)

    def start(self) -> None:
        """连接: check the fields, then connect on the worker."""
        if self.connecting():
            return
        host, database = self.host.text().strip(), self.database.text().strip()
        account = self.account.text().strip().lower()  # the server's login roles are lower case
        missing = [
            name
            for name, value in (
                (self.tr("服务器地址"), host),
                (self.tr("数据库"), database),
                (self.tr("账户"), account),
                (self.tr("密码"), self.password.text()),
            )
            if not value
        ]
        if missing:
            self._show(self.tr("请填写：{f}").format(f=self.tr("、").join(missing)), error=True)
            return
        login = ServerLogin(
            host,
            self.port.value(),
            database,
            account,
            self.password.text(),
            sslmode=self.tls[0],
            sslrootcert=self.tls[1],
        )
        self._set_busy(True)
        self._show(self.tr("正在连接 {h}:{p} …").format(h=host, p=login.port))

        def current() -> bool:  # not an attempt abandoned with 取消
            return self._job is not None and self._job is attempt[0]

        def done(result) -> None:
            if not current():
                close_db(result[0])
                return
            self._job = None
            self._set_busy(False)
            self.db, self.must_change = result
            self.login = login
            remember(self.settings, login)  # address and account; the password never
            self.accept()

        def failed(exc: BaseException) -> None:
            if not current():
                return
            self._job = None
            self._set_busy(False)
            self._show(db_errors.text(exc), error=True)
            self.password.setFocus()
            self.password.selectAll()

        attempt: list = [None]
        self._job = attempt[0] = self.tasks.call(
            lambda _progress: open_store(login),
            on_done=done,
            on_failed=failed,
            on_cancelled=lambda: None,
            discard=lambda result: close_db(result[0]),
        )

    def cancel_connecting(self) -> None:
        """Stop waiting for the server: the dialog is usable again at once."""
        if self._job is not None:
            self._job.cancel_requested = True
            self._job = None
            self._set_busy(False)
            self._show(self.tr("已取消连接。"))

    def reject(self) -> None:  # 取消 / Esc: stops a connection under way first, then closes
        if self.connecting():
            self.cancel_connecting()
            return
        super().reject()
