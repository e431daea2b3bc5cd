"""Why a file the user named could not be written, read or opened, as a coded error
(``file.*`` in the catalogue) that the window and the command line render in their language.

One rule for every save path (sheets, notices, account slips, Excel, parameters, backups): the
operating system's error number, and whether the target file and its folder exist, tell a
read-only folder from a file held open by another program (Windows refuses to replace a PDF open
in a viewer or a workbook open in Excel), a bad file name, a missing folder and a full disk."""

from __future__ import annotations

import errno
from pathlib import Path

from workload_app.core.problems import WorkloadError

_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ETXTBSY}
_BAD_NAME = {errno.EINVAL, errno.ENAMETOOLONG, errno.EILSEQ}


def write_error(exc: BaseException, path: Path | str | None = None) -> WorkloadError:
    """The coded error for ``exc`` raised while writing ``path`` (default: the error's own file
    name). A ``WorkloadError`` is returned as it is."""
    if isinstance(exc, WorkloadError):
        return exc
    target = Path(path if path is not None else (getattr(exc, "filename", None) or ""))
    folder, name = target.parent, target.name
    if isinstance(exc, ValueError):  # "embedded null byte" and the like
        return WorkloadError("file.bad_name", name=name or str(target))
    if not isinstance(exc, OSError):
        return WorkloadError("file.cannot_write", path=target, reason=str(exc))
    number = exc.errno or 0
    if number == errno.ENOSPC:
        return WorkloadError("file.disk_full", path=target)
    if number in _BAD_NAME or getattr(exc, "winerror", None) == 123:  # ERROR_INVALID_NAME
        return WorkloadError("file.bad_name", name=name or str(target))
    if number in (errno.ENOTDIR, errno.EEXIST) and not folder.is_dir():
        return WorkloadError("file.not_a_folder", folder=_file_on_the_way(folder))
    if number == errno.EISDIR:
        return WorkloadError("file.is_a_folder", path=target)
    if number == errno.ENOENT:
        if not folder.is_dir():
            return WorkloadError("file.no_folder", folder=folder)
        return WorkloadError("file.bad_name", name=name)
    if number in _DENIED:
        if target.is_file():
            return WorkloadError("file.in_use", path=target)
        return WorkloadError("file.folder_read_only", folder=folder)
    return WorkloadError("file.cannot_write", path=target, reason=exc.strerror or str(exc))


def folder_error(exc: BaseException, folder: Path | str) -> WorkloadError:
    """The coded error for ``exc`` raised while making or writing into ``folder``."""
    folder = Path(folder)
    if isinstance(exc, OSError) and (exc.errno or 0) in _DENIED and not Path(exc.filename or "").is_file():
        return WorkloadError("file.folder_read_only", folder=folder)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOTDIR, errno.EEXIST) and not folder.is_dir():
        return WorkloadError("file.not_a_folder", folder=_file_on_the_way(folder))
    return write_error(exc)


def _file_on_the_way(folder: Path) -> Path:
    """The part of ``folder``'s path that is a file (``a.pdf/sub``: ``a.pdf``)."""
    return next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), folder)


def read_error(exc: BaseException, path: Path | str) -> WorkloadError:
    """The coded error for ``exc`` raised while reading ``path``."""
    if isinstance(exc, WorkloadError):
        return exc
    if isinstance(exc, FileNotFoundError):
        return WorkloadError("file.not_found", path=path)
    if isinstance(exc, UnicodeDecodeError):
        return WorkloadError("file.not_text", path=path)
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return WorkloadError("file.cannot_read", path=path, reason=reason)
