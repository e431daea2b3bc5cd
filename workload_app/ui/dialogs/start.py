"""The start screen (开始使用): the first time the window opens for a user of a PC, it asks how this
PC is used, 本机单独使用 or 连接法院服务器, and remembers the answer (设置 → 使用方式… changes it).

What is remembered is the settings' ``last_store`` (``file`` or ``server``, which the window also
writes when it switches stores); a user who worked on a file before this screen existed has a
``last_database`` and is not asked. The court's settings file (``services.site_settings``) fills
in the server's address; a PC is *set up for the court server* when that file names a server or
the user chose the server, and then a database file without accounts is not opened
(``session.refuse_local_operator``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from workload_app.ui.dialogs.server import court_file, court_server, remembered

CHOICE_KEY = "last_store"
LOCAL, SERVER = "file", "server"


def remembered_choice(settings: QSettings) -> str | None:
    """``file`` or ``server`` as chosen before; None on a first start."""
    choice = str(settings.value(CHOICE_KEY, "") or "")
    if choice in (LOCAL, SERVER):
        return choice
    return LOCAL if settings.value("last_database") else None


def set_up_for_server(settings: QSettings) -> str | None:
    """The court server this PC is set up for (``host:port/database``), or None: the court's
    settings file names one, or the user chose the server (start screen, or connected last)."""
    server = court_server()
    if server is None and remembered_choice(settings) == SERVER:
        server = remembered(settings)
        if server is None:
            return "—"
    return None if server is None else f"{server.host}:{server.port}/{server.database}"


class StartDialog(QDialog):
    """本机单独使用 / 连接法院服务器. ``choice`` is ``file`` or ``server`` once chosen (accepted);
    the caller remembers it when the store it leads to opened (``remember``)."""

    def __init__(
        self, parent: QWidget | None = None, settings: QSettings | None = None, *, cancel: bool = False
    ) -> None:
        super().__init__(parent)
        self.settings = settings or QSettings()
        self.choice: str | None = None
        self.path: Path | None = None  # a file chosen with 打开其他数据库文件…
        site, problem = court_file()
        self.server = site.server if site is not None else None
        self.setWindowTitle(self.tr("开始使用 — 法官工作量计算器"))
        heading = QLabel(self.tr("这台电脑上如何使用法官工作量计算器？"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        heading.setWordWrap(True)
        self.local_button = QCommandLinkButton(
            self.tr("本机单独使用"),
            self.tr("数据保存在本机的数据库文件中，只在这台电脑上使用（例如试用、单独计算）。"),
        )
        self.server_button = QCommandLinkButton(
            self.tr("连接法院服务器"),
            self.tr("全院共用法院服务器上的数据，以法院分配的账户登录。法官、庭长请选这一项。"),
        )
        self.local_button.clicked.connect(lambda: self.choose(LOCAL))
        self.open_button = QPushButton(self.tr("打开其他数据库文件…"))
        self.open_button.setFlat(True)
        self.open_button.clicked.connect(self.open_file)
        self.server_button.clicked.connect(lambda: self.choose(SERVER))
        self.where = QLabel()
        self.where.setWordWrap(True)
        if self.server is not None:
            self.where.setText(
                self.tr("本院的法院服务器：{s}（法院设置文件 {f}）").format(
                    s=f"{self.server.host}:{self.server.port}/{self.server.database}", f=site.path
                )
            )
            self.server_button.setDefault(True)
            self.server_button.setFocus()
        else:
            self.where.setText(self.tr("服务器的地址和账户由法院信息技术人员提供。"))
        self.where.setStyleSheet("color: #555;")
        self.message = QLabel(problem)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setVisible(bool(problem))
        later = QLabel(self.tr("以后可在 设置 → 使用方式… 中更改。"))
        later.setStyleSheet("color: #555;")
        self.quit_button = QPushButton(self.tr("取消") if cancel else self.tr("退出"))
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.server_button)
        layout.addWidget(self.where)
        layout.addWidget(self.local_button)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(later)
        layout.addWidget(self.quit_button)
        self.setMinimumWidth(520)

    def choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def open_file(self) -> None:
        """本机单独使用 on a database file of the user's choice (a demo, a copy with accounts)."""
        from workload_app.services.session import default_db_path
        from workload_app.ui import file_dialogs

        name = file_dialogs.open_file_name(
            self, self.tr("打开数据库"), str(default_db_path().parent), self.tr("数据库 (*.sqlite *.db)")
        )
        if name:
            self.path = Path(name)
            self.choose(LOCAL)

    def show_problem(self, text: str) -> None:
        """Why the last choice did not lead anywhere (the file was refused …); asked again."""
        self.choice = None
        self.message.setText(text)
        self.message.setVisible(bool(text))


def remember(settings: QSettings, choice: str) -> None:
    settings.setValue(CHOICE_KEY, choice)
