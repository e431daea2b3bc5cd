"""Background work: one database worker thread, progress with Cancel, results on the UI thread.

A failure reaches ``on_failed`` as the exception object (a coded ``WorkloadError`` renders in the
window's language through ``db_errors.text``); without ``on_failed`` a message box shows it.

A task is a plain function ``fn(db, progress) -> result`` from the services; it runs on a worker
with its own handle on the window's store: the file's own SQLite connection, or on the court
server a connection of its own from the client's pool (``target`` is a path or a ``ServerLogin``
holding the session's password in memory). ``progress`` raises ``Cancelled`` once the user
pressed Cancel, so the service's transaction rolls back and the database is left as it was.
``TaskRunner.call`` runs work that opens no store (connecting to a server) the same way.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from workload_app.core.messages import in_language
from workload_app.core.problems import WorkloadError
from workload_app.core.progress import Cancelled
from workload_app.services import access, clock
from workload_app.services.session import ServerLogin, close_db, explain, open_db
from workload_app.ui import db_errors


class _Signals(QObject):
    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(object, str)  # the exception itself, and a traceback for unexpected ones
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(
        self,
        db_path: Path | ServerLogin | None,
        fn: Callable[..., Any],
        user: access.User | None = None,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__()
        self.db_path = db_path  # the store target; None: ``fn(progress)`` opens none
        self.user = user
        self.today = today
        self.fn = fn
        self.signals = _Signals()
        self.cancel_requested = False
        self.discard: Callable[[Any], None] | None = None  # releases a result cancelled too late

    def _progress(self, fraction: float, message: str = "") -> None:
        if self.cancel_requested:
            raise Cancelled()
        # a service's label is a coded text: shown in the window's language
        self.signals.progress.emit(fraction, in_language(message, db_errors.language()))

    def run(self) -> None:
        db = None
        try:
            if self.db_path is None:
                result = self.fn(self._progress)
            else:
                db = open_db(self.db_path)
                access.bind(db, self.user)  # the worker acts as the logged-in user
                clock.bind(db, self.today)  # … and reads today from the window's clock
                result = self.fn(db, self._progress)
            if self.cancel_requested and self.discard is not None:
                self.discard(result)  # finished after Cancel: nobody takes the result
                raise Cancelled()
        except Cancelled:
            self.signals.cancelled.emit()
        except WorkloadError as exc:
            self.signals.failed.emit(exc, "")
        except Exception as exc:  # noqa: BLE001 - shown to the user, with details
            clear = explain(exc, self.db_path)  # read-only, disk full, damaged: no traceback
            if clear is not None:
                self.signals.failed.emit(clear, "")
            else:
                self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)
        finally:
            if db is not None:
                close_db(db)


def text_of(error: BaseException) -> str:
    """What the window shows for a failed task: a known error in the window's language; anything
    unexpected by its type and text (the traceback goes in the details)."""
    if isinstance(error, WorkloadError):
        return db_errors.text(error)
    return f"{type(error).__name__}: {error}"


class TaskRunner(QObject):
    """Runs one task at a time on a single database worker."""

    def __init__(
        self,
        db_path: Path | ServerLogin | None,
        parent: QObject | None = None,
        user: access.User | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path  # the store target every task opens: a file, or the court server
        self.user = user
        self.today: Callable[[], dt.date] | None = (
            None  # the clock every task's handle reads (None: the system's)
        )
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._jobs: list[_Job] = []
        self._reads: dict[object, int] = {}

    def run(
        self,
        fn: Callable[..., Any],
        *,
        parent: QWidget | None,
        label: str,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        show_progress: bool = True,
        opens_store: bool = True,
        discard: Callable[[Any], None] | None = None,
    ) -> _Job:
        job = _Job(self.db_path if opens_store else None, fn, self.user, self.today)
        job.discard = discard
        dialog = None
        if show_progress:
            dialog = QProgressDialog(label, self.tr("取消"), 0, 1000, parent)
            dialog.setWindowTitle(self.tr("请稍候"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(lambda: setattr(job, "cancel_requested", True))

            def show(fraction: float, message: str) -> None:
                dialog.setValue(int(fraction * 1000))
                if message:
                    dialog.setLabelText(f"{label}\n{message}")

            job.signals.progress.connect(show)

        def finish() -> None:
            if dialog is not None:
                dialog.close()
            if job in self._jobs:
                self._jobs.remove(job)

        def done(result: Any) -> None:
            finish()
            if on_done:
                on_done(result)

        def failed(error: BaseException, details: str) -> None:
            finish()
            if on_failed:
                on_failed(error)  # the view renders it (db_errors.text) in the window's language
                return
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("操作未完成"), text_of(error), parent=parent)
            if details:
                box.setDetailedText(details)
            box.exec()

        job.signals.done.connect(done)
        job.signals.failed.connect(failed)

        def cancelled() -> None:
            finish()
            if on_cancelled:
                on_cancelled()

        job.signals.cancelled.connect(cancelled)
        self._jobs.append(job)
        self.pool.start(job)
        return job

    def call(
        self,
        fn: Callable[[Callable[..., None]], Any],
        *,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        on_cancelled: Callable[[], None] | None = None,
        discard: Callable[[Any], None] | None = None,
    ) -> _Job:
        """``fn(progress)`` on the worker without opening the window's store (e.g. connecting to a
        court server), no dialog: the caller shows its own state and may set the returned job's
        ``cancel_requested``; a result that arrives after that goes to ``discard``, not
        ``on_done``."""
        return self.run(
            fn,
            parent=None,
            label="",
            on_done=on_done,
            on_failed=on_failed,
            on_cancelled=on_cancelled,
            show_progress=False,
            opens_store=False,
            discard=discard,
        )

    def read(
        self,
        key: object,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """A view's data read: ``fn(db)`` on the worker, no dialog; only the newest read for ``key``
        reaches ``on_done``/``on_failed`` (a view asked again while reading shows the later answer),
        and a read superseded before the worker reached it is skipped."""
        generation = self.forget(key)

        def latest(callback: Callable[..., None]) -> Callable[..., None]:
            return lambda *args: callback(*args) if self._reads.get(key) == generation else None

        def job(db, _progress):
            return fn(db) if self._reads.get(key) == generation else None

        self.run(
            job,
            parent=None,
            label="",
            on_done=latest(on_done),
            on_failed=latest(on_failed),
            show_progress=False,
        )

    def forget(self, key: object) -> int:
        """Drop the answer of any read for ``key`` still under way; returns the next generation."""
        generation = self._reads[key] = self._reads.get(key, 0) + 1
        return generation

    def idle(self) -> bool:
        """No task waiting or running (results already delivered)."""
        return not self._jobs

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
