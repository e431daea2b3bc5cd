"""Progress and cancellation without Qt: a plain callback, sub-steps mapped into a range.

A long task calls ``progress(fraction, message)``; the callback raises ``Cancelled`` when the user
asked to stop. The UI side turns this into a progress bar; the command line ignores it.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[float, str], None]


class Cancelled(Exception):
    """The user cancelled; whatever was under way is rolled back."""


def no_progress(fraction: float, message: str = "") -> None:
    """The callback for callers that do not watch progress."""


def wrap_progress(callback: ProgressCallback | None, start: float, end: float) -> ProgressCallback:
    """Map a sub-step's 0..1 progress onto ``start..end`` of the parent's."""
    cb = callback or no_progress

    def wrapped(fraction: float, message: str = "") -> None:
        cb(start + (end - start) * max(0.0, min(1.0, fraction)), message)

    return wrapped
