"""Every file dialog of the window, built so that it never opens a file it lists.

Qt's own file dialog guesses each listed file's type and icon from its content (QMimeDatabase
reads the first bytes of any file whose name it does not know, such as ``x.sqlite-wal``). On
Linux and macOS, closing *any* descriptor of a file drops every POSIX lock the process holds on
it, so merely showing the folder of the open database silently released SQLite's locks: another
program then took the database for unused, checkpointed and deleted the write-ahead log under
the window's feet, and the window's next write could corrupt the file.

Here the dialogs decide icon and type by the file name alone (``NameOnlyIconProvider``), get
that provider before they look at any folder (they are born in an empty private folder), and
use Qt's own dialog wherever the platform dialog would run inside this process. Use these
functions, never ``QFileDialog.get…`` directly (``tests/ui/test_file_dialogs.py`` checks).
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QMimeDatabase
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

_FOLDER = QFileIconProvider.IconType.Folder
_FILE = QFileIconProvider.IconType.File


class NameOnlyIconProvider(QFileIconProvider):
    """Icon and type from the name and the directory entry only: no file is ever opened."""

    def __init__(self) -> None:
        super().__init__()
        self._mime = QMimeDatabase()
        self._icons = {_FOLDER: super().icon(_FOLDER), _FILE: super().icon(_FILE)}

    def icon(self, what):  # type: ignore[override]
        if isinstance(what, QFileInfo):
            return self._icons[_FOLDER if what.isDir() else _FILE]
        return self._icons.get(what) or super().icon(what)

    def type(self, info: QFileInfo) -> str:  # type: ignore[override]
        if info.isDir():
            return QCoreApplication.translate("QFileSystemModel", "Folder")  # Qt's own word
        mime = self._mime.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension)
        return mime.comment() or mime.name()


_provider: NameOnlyIconProvider | None = None
_empty: Path | None = None


def icon_provider() -> NameOnlyIconProvider:
    global _provider
    if _provider is None:
        _provider = NameOnlyIconProvider()
    return _provider


def _empty_folder() -> str:
    """A private folder with nothing in it, where a dialog starts before it gets our provider."""
    global _empty
    if _empty is None or not _empty.is_dir():
        _empty = Path(tempfile.mkdtemp(prefix="workload-dialog-"))
        atexit.register(shutil.rmtree, _empty, True)
    return str(_empty)


def native_is_safe() -> bool:
    """Windows keeps no POSIX locks; macOS shows its panel in another process. Elsewhere the
    platform dialog (GTK, KDE) would list the folder inside this process, so Qt's is used."""
    return sys.platform in ("win32", "darwin")


def make_dialog(parent: QWidget | None, caption: str, directory: str = "", filter: str = "") -> QFileDialog:
    """A file dialog that never reads the files it lists, opened on ``directory``."""
    dialog = QFileDialog(parent, caption, _empty_folder(), filter)
    if not native_is_safe():
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setIconProvider(icon_provider())
    _label(dialog)
    start = Path(directory).expanduser() if directory else Path.home()
    if start.is_dir():
        dialog.setDirectory(str(start))
    else:  # a suggested file name, possibly with its folder
        folder = start.parent if str(start.parent) not in ("", ".") and start.parent.is_dir() else Path.home()
        dialog.setDirectory(str(folder))
        dialog.selectFile(start.name)
    return dialog


def _label(dialog: QFileDialog) -> None:
    """The labels Qt's own Chinese catalogue misses: Qt 6 writes them with a shortcut ("&Look in:",
    "Files of &type:"), qtbase_zh_CN.qm still without, so the dialog was half English."""
    from workload_app.ui.i18n import label

    L = QFileDialog.DialogLabel
    dialog.setLabelText(L.LookIn, label("查找范围(&L)："))
    dialog.setLabelText(L.FileType, label("文件类型(&T)："))
    dialog.setLabelText(L.FileName, label("文件名(&N)："))


def _run(dialog: QFileDialog) -> str:
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def open_file_name(parent: QWidget | None, caption: str, directory: str = "", filter: str = "") -> str:
    """Like ``QFileDialog.getOpenFileName``; "" when cancelled."""
    dialog = make_dialog(parent, caption, directory, filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _run(dialog)


def save_file_name(
    parent: QWidget | None, caption: str, directory: str = "", filter: str = "", *, confirm_overwrite=True
) -> str:
    """Like ``QFileDialog.getSaveFileName``; "" when cancelled."""
    dialog = make_dialog(parent, caption, directory, filter)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if not confirm_overwrite:
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
    return _run(dialog)


def existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    """Like ``QFileDialog.getExistingDirectory``; "" when cancelled."""
    dialog = make_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return _run(dialog)


def open_in_viewer(parent: QWidget | None, path: Path | str) -> bool:
    """Open ``path`` (a file or a folder) in the system's program for it; when there is none, or
    it cannot be started, say so in the window's language instead of failing silently."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    from workload_app.core import messages
    from workload_app.ui.db_errors import language

    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("labels", "无法打开"),
        messages.render("file.no_viewer", {"path": path}, language()),
    )
    return False


def _folder_key(user) -> str:
    """Each login on a PC has its own last folder: the 庭长's dialog does not open in the folder a
    judge used on the same PC. The local operator (no account) has one of its own."""
    login = getattr(user, "login", None) or "-"
    return "folders/" + login.encode("utf-8").hex()  # any name is a valid settings key


def last_folder(user, default: Path | None = None) -> Path:
    """The folder this login last saved into or opened from; else ``default`` or the home folder."""
    from PySide6.QtCore import QSettings

    fallback = default if default is not None and default.is_dir() else Path.home()
    saved = str(QSettings().value(_folder_key(user), "") or "")
    return Path(saved) if saved and Path(saved).is_dir() else fallback


def remember_folder(user, folder: Path | str) -> None:
    from PySide6.QtCore import QSettings

    QSettings().setValue(_folder_key(user), str(folder))
