"""Errors in the window's language: the database file's own problems (read-only, disk full,
damaged…) and every coded service error (``core.messages``)."""

from __future__ import annotations

from workload_app.core import messages
from workload_app.core.problems import WorkloadError
from workload_app.services import files
from workload_app.services.session import DatabaseFileError, explain
from workload_app.ui import i18n


def language() -> str:
    """The window's language as the catalogue names it (``zh`` or ``en``)."""
    return messages.EN if i18n.current_language().startswith("en") else messages.ZH


def _file_text(error: DatabaseFileError) -> str:
    code = "db.corrupt_window" if error.code == "corrupt" else f"db.{error.code}"  # no CLI hint
    return messages.render(code, {"path": error.path}, language())


def message(exc: BaseException, path=None) -> str | None:
    """The translated message for an error about the database file, or None for any other error."""
    clear = exc if isinstance(exc, DatabaseFileError) else explain(exc, path)
    return _file_text(clear) if clear is not None else None


def text(exc: BaseException, path=None) -> str:
    """What the window shows for ``exc``: a database file problem, else a coded error in the
    window's language, else the error's own text."""
    clear = message(exc, path)
    if clear is not None:
        return clear
    if isinstance(exc, WorkloadError):
        return exc.render(language())
    return str(exc)


def file_text(exc: BaseException, path=None) -> str:
    """What the window shows when a file the user named (a sheet, an Excel file, a slip…) could
    not be written at ``path``: a coded error stays as it is, a database problem is the
    database's, an OS error says which of read-only folder, file open elsewhere, bad name… it is
    (``services.files``); all in the window's language."""
    if isinstance(exc, WorkloadError):
        return exc.render(language())
    if isinstance(exc, (OSError, ValueError)):
        return files.write_error(exc, path).render(language())
    return text(exc)


def read_text(exc: BaseException, path) -> str:
    """The same for a file the user chose to read."""
    if isinstance(exc, WorkloadError):
        return exc.render(language())
    return files.read_error(exc, path).render(language())
