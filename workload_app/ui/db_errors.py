"""The database file's own problems (read-only, disk full, damaged…) in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QObject

from workload_app.services.session import DatabaseFileError, explain


class DatabaseFileMessages(QObject):
    def text(self, error: DatabaseFileError) -> str:
        texts = {
            "readonly": self.tr(
                "数据库「{path}」是只读的（文件或所在文件夹没有写权限，或在只读介质上），未作任何改动。"
            ),
            "full": self.tr(
                "磁盘空间不足，无法写入数据库「{path}」；本次操作未生效，数据库保持原样。请清理磁盘后重试。"
            ),
            "corrupt": self.tr("「{path}」不是本程序的数据库文件或已损坏。请从备份恢复。"),
            "cannot_open": self.tr("无法打开数据库「{path}」：文件夹不存在或没有权限。"),
            "io": self.tr(
                "读写数据库「{path}」时发生磁盘读写错误（磁盘或网络盘可能出了故障）；本次操作未生效。"
            ),
        }
        return texts[error.code].format(path=error.path)


def message(exc: BaseException, path=None) -> str | None:
    """The translated message for an error about the database file, or None for any other error."""
    clear = exc if isinstance(exc, DatabaseFileError) else explain(exc, path)
    return DatabaseFileMessages().text(clear) if clear is not None else None
