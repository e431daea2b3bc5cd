"""Errors in the window's language: the database file's own problems (read-only, disk full,
damaged…) and every coded service error (``core.messages``)."""

from __future__ import annotations

from workload_app.core import messages
from workload_app.core.problems import WorkloadError
from workload_app.services import files
from workload_app.services.session import DatabaseFileError, classify
from workload_app.ui import i18n


def language() -> str:
    """The window's language as the catalogue names it (``zh`` or ``en``)."""
    return messages.EN if i18n.current_language().startswith("en") else messages.ZH


def _in_window(error: WorkloadError) -> str:
    if isinstance(error, DatabaseFileError) and error.code == "corrupt":  # no command-line hint
        return messages.render("db.corrupt_window", {"path": error.path}, language())
    return error.render(language())


def text(exc: BaseException, path=None) -> str:
    """What the window shows for ``exc``: a database, driver or coded error (``classify``, as the
    command line) in the window's language, else the error's own text."""
    clear = classify(exc, path)
    return _in_window(clear) if clear is not None else str(exc)


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
